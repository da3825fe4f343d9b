#!/usr/bin/env bash
# The store-provider example, end to end: installs what is missing, builds the
# plugin for LLVM 22, runs clang-tidy on docs/example/store_provider.cpp
# against mingw-w64's real <windows.h>, applies the fix, shows the diff,
# compiles the fixed file and re-runs the check on it.
#
#   bash docs/example/run-example.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
v=22
build="$root/build/llvm-$v"

bash "$root/cmake/install-deps.sh" "$v"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRAII_LLVM_VERSION=$v >/dev/null
cmake --build "$build" --target RaiiTidy

tidy=/usr/lib/llvm-$v/bin/clang-tidy
plugin="$build/checker/libRaiiTidy.so"
work="$build/example"
rm -rf "$work" && mkdir -p "$work"
cp "$root/docs/example/store_provider.cpp" "$work/"
cd "$work"
flags=(--target=x86_64-w64-mingw32 -std=c++17)

echo
echo "== 1. clang-tidy --load $plugin"
"$tidy" --load="$plugin" --checks='-*,raii-*' store_provider.cpp -- "${flags[@]}" || true

echo
echo "== 2. clang-tidy --fix"
"$tidy" --load="$plugin" --checks='-*,raii-*' --fix --quiet store_provider.cpp -- "${flags[@]}" 2>&1 | grep 'applied' || true
echo
diff -u "$root/docs/example/store_provider.cpp" store_provider.cpp \
  --label store_provider.cpp --label store_provider.cpp.fixed || true

echo
echo "== 3. the fixed file compiles and the check is silent"
/usr/lib/llvm-$v/bin/clang++ "${flags[@]}" -fsyntax-only store_provider.cpp
"$tidy" --load="$plugin" --checks='-*,raii-*' --warnings-as-errors='raii-*' --quiet store_provider.cpp -- "${flags[@]}"
echo "clean: no raii warnings in the fixed file"
