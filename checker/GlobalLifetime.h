//===--- GlobalLifetime.h - raii-tidy ---------------------------*- C++ -*-===//
//
// Process-lifetime resources that a DLL acquires again on every load: a
// global, static member or function-local static (a CRITICAL_SECTION, a
// handle, memory) that `DllMain`'s DLL_PROCESS_ATTACH branch, or a free
// function of a lifecycle pair (`Initialize()`), acquires and that nothing
// in the translation unit releases. Outside a DLL (no `DllMain`, no pair) a
// process-lifetime static is not a leak and is not looked at.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_GLOBALLIFETIME_H
#define RAII_TIDY_GLOBALLIFETIME_H

#include "CalleeSummary.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include <vector>

namespace clang {
class ASTContext;
namespace tidy::raii {

/// A resource held by a variable of static storage duration.
struct GlobalLeak {
  const VarDecl *Var;
  const ResourceFamily *Family;
  bool Pointee;     ///< What the variable points to (`g_pcs`), not itself.
  const Stmt *Site; ///< The acquiring call or assignment.
  /// The acquire function; null for `new`.
  const FunctionDecl *Callee;
  const FunctionDecl *Acquirer; ///< The function whose body holds Site.
  const FunctionDecl *Entry;    ///< DllMain, or the pair's opening one.
  const LifecyclePair *Pair;    ///< Null for DllMain.
  const FunctionDecl *CloseDef; ///< The pair's closing function, if any.
  /// For DllMain: Site is directly in the DLL_PROCESS_ATTACH branch, before
  /// any return and not under a condition.
  bool Unconditional = false;
  /// For DllMain: the statement of its DLL_PROCESS_DETACH case before which
  /// a release may go (null if there is none, or it is shared).
  const Stmt *DetachStmt = nullptr;
  /// Why DetachStmt is null, for the note.
  const char *NoDetach = nullptr;
};

/// The global leaks of the translation unit whose free functions written in
/// user code are \p FreeFunctions (definitions), for the families of the
/// model of \p Callees.
std::vector<GlobalLeak>
globalLeaks(llvm::ArrayRef<const FunctionDecl *> FreeFunctions,
            CalleeSummaries &Callees, llvm::ArrayRef<LifecyclePair> Pairs,
            ASTContext &Ctx);

} // namespace tidy::raii
} // namespace clang

#endif // RAII_TIDY_GLOBALLIFETIME_H
