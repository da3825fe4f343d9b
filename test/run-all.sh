#!/usr/bin/env bash
# The whole test suite: installs what it needs, then builds the plugin and the
# tools and runs the lit tests per supported LLVM major (default: 22 19), each
# in its own build tree (build/llvm-N): once with the plugin, once through
# raii-clang-tidy. Exits non-zero if anything fails to build, any
# test fails, or no test ran.
#
#   bash test/run-all.sh [MAJOR...]
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22 19)

bash "$root/cmake/install-deps.sh" "${versions[@]}" || exit 1

passed=0 failed=0 skipped=0 status=0
for v in "${versions[@]}"; do
  build="$root/build/llvm-$v"
  mkdir -p "$build"
  echo "== LLVM $v: configure and build ($build)"
  if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
         -DRAII_LLVM_VERSION="$v" >"$build.configure.log" 2>&1; then
    cat "$build.configure.log"; echo "LLVM $v: configure failed"; status=1; continue
  fi
  if ! cmake --build "$build"; then
    echo "LLVM $v: build failed"; status=1; continue
  fi
  lit=$(sed -n 's/^RAII_LIT:FILEPATH=//p' "$build/CMakeCache.txt")
  python=$(sed -n "s/^Python3_EXECUTABLE:[A-Z]*=//p" "$build/CMakeCache.txt")
  case "$lit" in *.py) lit=("$python" "$lit") ;; *) lit=("$lit") ;; esac

  # The suite runs twice: with the plugin in the stock clang-tidy, and
  # through raii-clang-tidy (the module built in) when it is built.
  modes=(plugin)
  [ -x "$build/checker/tools/raii-clang-tidy" ] && modes+=(standalone)
  for mode in "${modes[@]}"; do
    echo "== LLVM $v: lit tests ($mode)"
    xml="$build/test-results-$mode.xml"
    rm -f "$xml"
    "${lit[@]}" -sv --param raii_tidy="$mode" --xunit-xml-output="$xml" "$build/test" || status=1
    if [ ! -f "$xml" ]; then
      echo "LLVM $v ($mode): lit produced no results"; status=1; continue
    fi
    # Count from the xunit report so that the summary cannot disagree with lit.
    read -r t f s < <("$python" - "$xml" <<'PY'
import sys, xml.etree.ElementTree as ET
tests = failures = skipped = 0
for suite in ET.parse(sys.argv[1]).getroot().iter("testsuite"):
    tests += int(suite.get("tests", 0))
    failures += int(suite.get("failures", 0))
    skipped += int(suite.get("skipped", 0))
print(tests, failures, skipped)
PY
)
    if [ "$t" -eq 0 ]; then echo "LLVM $v ($mode): no tests ran"; status=1; fi
    passed=$((passed + t - f - s)) failed=$((failed + f)) skipped=$((skipped + s))
  done
done

echo "$passed passed, $failed failed, $skipped skipped (LLVM ${versions[*]})"
[ "$failed" -eq 0 ] || status=1
exit $status
