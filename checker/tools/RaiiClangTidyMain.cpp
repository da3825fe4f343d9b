//===--- RaiiClangTidyMain.cpp - raii-clang-tidy --------------------------===//
//
// raii-clang-tidy: clang-tidy with the raii module built in, for toolchains
// whose clang-tidy cannot load plugins (LLVM's Windows builds). Everything
// but the module is upstream clang-tidy (clangTidyMain).
//
//===----------------------------------------------------------------------===//

#include "ToolMain.h"
#include "clang-tidy/tool/ClangTidyMain.h"

int main(int Argc, char **Argv) {
  // Before the compilation database's arguments, so that a -resource-dir
  // there still wins.
  std::vector<char *> Args = clang::tidy::raii::withResourceDir(
      Argc, Argv, "--extra-arg-before=-resource-dir=");
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size() - 1),
                                    const_cast<const char **>(Args.data()));
}
