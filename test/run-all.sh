#!/usr/bin/env bash
# The whole test suite: installs what it needs, then builds the plugin and the
# tools and runs the lit tests per supported LLVM major (default: 22 19), each
# in its own build tree (build/llvm-N): once with the plugin, once through
# raii-clang-tidy. Exits non-zero if anything fails to build, any
# test fails or is skipped without being on test/expected-skips.txt, or no
# test ran.
#
#   bash test/run-all.sh [MAJOR...]
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22 19)

# RAII_NO_INSTALL=1 runs with what is installed, as a machine without
# network must; whatever is missing then fails the run, naming it.
if [ "${RAII_NO_INSTALL:-}" != 1 ]; then
  bash "$root/cmake/install-deps.sh" "${versions[@]}" || exit 1
fi

status=0 runs=() missing=()
for v in "${versions[@]}"; do
  build="$root/build/llvm-$v"
  mkdir -p "$build"
  echo "== LLVM $v: configure and build ($build)"
  if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
         -DRAII_LLVM_VERSION="$v" >"$build.configure.log" 2>&1; then
    cat "$build.configure.log"; missing+=("LLVM $v: configure failed (above)"); continue
  fi
  if ! cmake --build "$build"; then
    missing+=("LLVM $v: the build failed (above)"); continue
  fi
  lit=$(sed -n 's/^RAII_LIT:FILEPATH=//p' "$build/CMakeCache.txt")
  python=$(sed -n "s/^Python3_EXECUTABLE:[A-Z]*=//p" "$build/CMakeCache.txt")
  case "$lit" in *.py) lit=("$python" "$lit") ;; *) lit=("$lit") ;; esac

  # The suite runs twice: with the plugin in the stock clang-tidy, and
  # through raii-clang-tidy (the module built in). Both are required.
  modes=(plugin)
  if [ -x "$build/checker/tools/raii-clang-tidy" ]; then
    modes+=(standalone)
  else
    missing+=("LLVM $v (standalone): raii-clang-tidy was not built: $(grep -h 'not building raii-clang-tidy' "$build.configure.log" || echo 'see' "$build.configure.log")")
  fi
  for mode in "${modes[@]}"; do
    echo "== LLVM $v: lit tests ($mode)"
    xml="$build/test-results-$mode.xml"
    probes="$build/test/probes-$mode.json"
    rm -f "$xml" "$probes"
    "${lit[@]}" -sv --param raii_tidy="$mode" --param raii_probes="$probes" \
      --xunit-xml-output="$xml" "$build/test" || status=1
    runs+=("$v:$mode:$xml:$probes")
  done
done

# Counted from lit's xunit reports, so that the summary cannot disagree with
# lit; every skip must be on test/expected-skips.txt.
args=()
for m in "${missing[@]}"; do args+=(--missing "$m"); done
python3 "$root/test/lit_summary.py" --expected-skips "$root/test/expected-skips.txt" \
  --test-root "$root/test" \
  "${args[@]}" "${runs[@]}" || status=1
exit $status
