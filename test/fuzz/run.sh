#!/usr/bin/env bash
# Fuzzes the raii checks with libFuzzer (LLVM 22), seeded with the lit tests
# and the corpus. Any crash, assertion or AddressSanitizer report fails the
# run and leaves the input in <build>/artifacts/.
#
#   bash test/fuzz/run.sh [SECONDS] [BUILD_DIR]     (default: 60, build/fuzz)
#
# A longer run is the same command with more seconds; the growing corpus in
# <build>/corpus is kept between runs.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-60}
build=${2:-$root/build/fuzz}
case "$seconds" in ''|*[!0-9]*) echo "run.sh: SECONDS must be a number, not '$seconds'" >&2; exit 2 ;; esac

mkdir -p "$build"
cmake -S "$root/test/fuzz" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=/usr/lib/llvm-22/bin/clang++ >"$build.configure.log" 2>&1 \
  || { cat "$build.configure.log"; exit 1; }
cmake --build "$build" --target raii-fuzzer >/dev/null

# Seeds: every test input, without its #include lines (the fuzzer's prelude
# declares the critical-section API and some of every family).
seeds="$build/seeds"
rm -rf "$seeds" && mkdir -p "$seeds" "$build/corpus" "$build/artifacts"
for f in "$root"/test/raii-*/*.cpp "$root"/test/corpus/*.cpp; do
  grep -v '^#include' "$f" >"$seeds/$(basename "$(dirname "$f")")-$(basename "$f")"
done

exec "$build/raii-fuzzer" -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=8192 \
  -timeout=30 -print_final_stats=1 -artifact_prefix="$build/artifacts/" \
  "$build/corpus" "$seeds"
