//===--- ToolMain.h - raii-tidy ---------------------------------*- C++ -*-===//
//
// What raii-clang-tidy and raii-clangd add to the upstream main functions:
// the module, and the Clang resource directory of their LLVM installation.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_TOOLS_TOOLMAIN_H
#define RAII_TIDY_TOOLS_TOOLMAIN_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy {

// Referencing the module's anchor keeps its registration when the linker
// would otherwise drop an object file nothing refers to, as
// ClangTidyForceLinker.h does for clang-tidy's own modules.
extern volatile int RaiiModuleAnchorSource;
[[maybe_unused]] static int RaiiModuleAnchorDestination =
    RaiiModuleAnchorSource;

} // namespace clang::tidy

namespace clang::tidy::raii {

/// The arguments with \p Flag followed by the resource directory of the LLVM
/// the tool was built against (its builtin headers such as <stddef.h>)
/// inserted after the program name, unless an argument already starts with
/// \p Flag (spelled with one dash or two), and a null pointer after the last,
/// as in argv. Clang looks for that directory next to the executable, which for
/// these tools is not inside the LLVM installation. On Windows this reaches
/// raii-explain only: clangTidyMain and clangdMain start with LLVM's InitLLVM,
/// which there takes the arguments again from the process's command line, so
/// the build puts a copy of the headers where Clang looks by default
/// (checker/tools/CMakeLists.txt).
inline std::vector<char *> withResourceDir(int Argc, char **Argv,
                                           llvm::StringRef Flag) {
  std::vector<char *> Args(Argv, Argv + Argc);
  Args.push_back(nullptr);
  for (int I = 1; I < Argc; ++I)
    if (llvm::StringRef(Argv[I]).ltrim('-').starts_with(Flag.ltrim('-')))
      return Args;
  static std::string Option = Flag.str() + RAII_CLANG_RESOURCE_DIR;
  Args.insert(Args.begin() + (Argc > 0 ? 1 : 0), Option.data());
  return Args;
}

} // namespace clang::tidy::raii

#endif // RAII_TIDY_TOOLS_TOOLMAIN_H
