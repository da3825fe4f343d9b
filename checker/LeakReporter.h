//===--- LeakReporter.h - raii-tidy -----------------------------*- C++ -*-===//
//
// Reporting: turns what the class analysis found for one class into
// clang-tidy diagnostics: the warning at the acquiring call, notes at the
// member, the destructor and wherever else the resource is released, the
// fix-its FixPlanner planned (or its "no fix-it" note); and warnings at
// releases by the wrong family.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_LEAKREPORTER_H
#define RAII_TIDY_LEAKREPORTER_H

#include "ClassAnalysis.h"
#include "FixPlanner.h"
#include "GlobalLifetime.h"
#include "Lifecycle.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::raii {

/// How a check words its leak warnings.
enum class LeakWording {
  /// "critical section 'm_cs' is initialized in constructor 'C' ..."
  Plain,
  /// "handle 'm_h' is created by 'CreateEventW' in constructor 'C' ...":
  /// the check covers many families, so the warning names the acquirer.
  NameAcquirer,
};

/// Reports the leaks and releases-without-acquire of \p A's class. Returns
/// the releases its fix-it writes into the destructor (unless a NOLINT
/// comment may keep it from being applied), for the class's ClassRecord.
std::vector<PlannedRelease> reportLeaks(ClangTidyCheck &Check, ClassAnalysis &A,
                                        ASTContext &Ctx, LeakWording Wording);

/// Reports the process-lifetime resources that DllMain's DLL_PROCESS_ATTACH
/// branch, or a free function opening one of \p Pairs, acquires and that
/// nothing in the translation unit releases (GlobalLifetime.h), with a
/// fix-it into the DLL_PROCESS_DETACH case where it is safe.
void reportGlobalLeaks(ClangTidyCheck &Check, CalleeSummaries &Callees,
                       llvm::ArrayRef<const FunctionDecl *> FreeFunctions,
                       llvm::ArrayRef<LifecyclePair> Pairs, ASTContext &Ctx,
                       LeakWording Wording);

/// Reports the resources that a method of one of \p Pairs acquires and
/// neither its closing method nor the destructor releases (Lifecycle.h),
/// with a fix-it into the closing method where it runs once, only after the
/// opening one.
void reportLifecycleLeaks(ClangTidyCheck &Check, ClassAnalysis &A,
                          ASTContext &Ctx, llvm::ArrayRef<LifecyclePair> Pairs,
                          LeakWording Wording);

/// Reports releases of \p A's class by another family than the acquiring
/// one, with a fix-it where the right release is certain.
void reportMismatchedReleases(ClangTidyCheck &Check, ClassAnalysis &A,
                              ASTContext &Ctx);

/// "'m_cs'": a member as diagnostics quote it.
std::string quoted(const TrackedMember &M);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_LEAKREPORTER_H
