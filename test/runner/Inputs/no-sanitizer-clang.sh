#!/usr/bin/env bash
# Stands in for clang: compiles as RAII_REAL_CLANG does, but without
# -fsanitize=address, so the program runs with no sanitizer to judge it.
args=()
for a in "$@"; do
  [ "$a" = -fsanitize=address ] || args+=("$a")
done
exec "$RAII_REAL_CLANG" "${args[@]}"
