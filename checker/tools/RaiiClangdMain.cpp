//===--- RaiiClangdMain.cpp - raii-clangd ---------------------------------===//
//
// raii-clangd: clangd with the raii module built in, since stock clangd
// cannot load clang-tidy plugins. Everything but the module is upstream
// clangd (the clangdMain library).
//
//===----------------------------------------------------------------------===//

#include "ToolMain.h"

// Debian's libclang-N-dev ships libclangdMain.a but not the header that
// declares its entry point (clangd/tool/ClangdMain.h).
namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

int main(int Argc, char *Argv[]) {
  std::vector<char *> Args =
      clang::tidy::raii::withResourceDir(Argc, Argv, "--resource-dir=");
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   Args.data());
}
