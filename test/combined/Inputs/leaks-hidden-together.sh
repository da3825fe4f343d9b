#!/usr/bin/env bash
# Stands in for clang-tidy: runs RAII_REAL_CLANG_TIDY, but when all three
# checks are on it drops raii-unreleased-member's warnings, as a leak check
# that behaved differently next to the others would.
case " $* " in
  *raii-critical-section-leak,raii-unreleased-member,raii-copyable-resource-owner*)
    "$RAII_REAL_CLANG_TIDY" "$@" | grep -v ' \[raii-unreleased-member\]$'
    exit "${PIPESTATUS[0]}" ;;
esac
exec "$RAII_REAL_CLANG_TIDY" "$@"
