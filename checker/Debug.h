//===--- Debug.h - raii-tidy ------------------------------------*- C++ -*-===//
//
// Utilities: debug output of the analysis, in the style of LLVM_DEBUG.
// RAII_DEBUG(Type, Stmt) runs Stmt (which writes to llvm::dbgs()) when the
// debug output of Type is on. The types:
//
//   raii-summary  each function summary as it is built: its facts
//   raii-closure  each closure: the functions it reaches, opaque calls
//   raii-fix      each fix-it the planner writes, or why not
//
// LLVM's own -debug-only exists only in LLVM builds with assertions, which
// Debian's are not; raii-tidy's types are switched on by raii-explain's
// --debug-only=TYPE[,TYPE...], or in clang-tidy and clangd by the
// environment variable RAII_TIDY_DEBUG=TYPE[,TYPE...] ("all" for all). In
// an LLVM with assertions, -debug-only=TYPE works too.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_DEBUG_H
#define RAII_TIDY_DEBUG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Debug.h"

namespace clang::tidy::raii {

/// True if the debug output of \p Type is on.
bool debugEnabled(llvm::StringRef Type);

/// Switches on the debug output of the comma-separated \p Types, replacing
/// what RAII_TIDY_DEBUG said.
void setDebugTypes(llvm::StringRef Types);

} // namespace clang::tidy::raii

#define RAII_DEBUG(TYPE, X)                                                    \
  do {                                                                         \
    if (::clang::tidy::raii::debugEnabled(TYPE)) {                             \
      X;                                                                       \
    }                                                                          \
  } while (false)

#endif // RAII_TIDY_DEBUG_H
