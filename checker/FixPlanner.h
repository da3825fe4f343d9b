//===--- FixPlanner.h - raii-tidy -------------------------------*- C++ -*-===//
//
// Fix planning: the one place that decides whether a fix-it is written for
// a finding, and if not, why not (the "no fix-it: ..." note). Every
// precondition is written once, numbered, in FixPlanner.cpp; FixWriter.h
// then finds where the text goes and renders it. Nothing here emits a
// diagnostic.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_FIXPLANNER_H
#define RAII_TIDY_FIXPLANNER_H

#include "ClassAnalysis.h"
#include "CopyOperations.h"
#include "GlobalLifetime.h"
#include "Lifecycle.h"
#include "clang/Basic/Diagnostic.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
namespace tidy::raii {

/// The fix-its for one finding, or why there are none. Both empty: no
/// fix-it and no note (the code has errors, which come first).
struct FixPlan {
  std::vector<FixItHint> Fixes;
  std::string WhyNot;
};

/// The one destructor edit releasing every fixable leak of a class, and for
/// each leak that gets none the reason why.
struct DestructorFixPlan {
  std::vector<FixItHint> Fixes;
  llvm::SmallVector<ResourceKey, 4> Fixed; ///< Resources covered by Fixes.
  std::vector<std::string> WhyNot;         ///< Per leak; empty if fixed.
};

/// A release that a leak check's fix-it of this run writes into the
/// destructor.
struct PlannedRelease {
  llvm::SmallVector<const FieldDecl *, 2> Path; ///< TrackedMember::Path.
  bool Pointee;
  const ResourceFamily *Family;
};

/// What the checks of one pass learn about one class and hand on to the
/// checks judged after them: the copy check sees the class as the leak
/// checks' fix-its leave it, so that one `--fix` run leaves it clean.
struct ClassRecord {
  llvm::SmallVector<PlannedRelease, 1> PlannedReleases;
};

/// Releases of \p Leaks (of \p A's class) written into the destructor.
DestructorFixPlan planDestructorFix(ClassAnalysis &A,
                                    llvm::ArrayRef<Leak> Leaks,
                                    ASTContext &Ctx);

/// The release of \p L written into its closing method.
FixPlan planClosingFix(ClassAnalysis &A, const LifecycleLeak &L,
                       ASTContext &Ctx);

/// The release of \p L written into DllMain's DLL_PROCESS_DETACH case.
FixPlan planDetachFix(const GlobalLeak &L, ASTContext &Ctx);

/// The wrong release of \p Mis replaced with its family's.
FixPlan planReleaseReplacement(ClassAnalysis &A, const MismatchedRelease &Mis,
                               ASTContext &Ctx);

/// The unsafe copy operations \p Ctor and \p Assign of \p RD made
/// `= delete`: `= default` in the class becomes `= delete`, implicit ones
/// are declared.
FixPlan planCopyDeletion(const CXXRecordDecl &RD, const CopyOperation &Ctor,
                         const CopyOperation &Assign, ASTContext &Ctx);

/// "'delete[]'", "'free'": the release \p Family's fix-its write.
std::string releaseSpelling(const ResourceFamily &Family);

} // namespace tidy::raii
} // namespace clang

#endif // RAII_TIDY_FIXPLANNER_H
