//===--- LeakReporter.cpp - raii-tidy -------------------------------------===//

#include "LeakReporter.h"
#include "DestructorWriter.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::raii {

namespace {

std::string quoted(const TrackedMember &M) { return "'" + M.spelling() + "'"; }

/// The fix-its releasing every fixable leak, and for each leak that gets
/// none the reason why.
struct ClassFix {
  std::vector<FixItHint> Fixes;
  llvm::SmallVector<unsigned, 4> Fixed; ///< Members covered by Fixes.
  std::vector<std::string> WhyNot;      ///< Per leak; empty if fixed.
};

ClassFix planFix(ClassAnalysis &A, llvm::ArrayRef<Leak> Leaks,
                 ASTContext &Ctx) {
  ClassFix Plan;
  Plan.WhyNot.resize(Leaks.size());
  if (Ctx.getDiagnostics().hasUncompilableErrorOccurred()) {
    // Code with errors never receives a fix-it; no note either, the errors
    // come first.
    return Plan;
  }
  const ResourceFamily &Family = A.family();
  std::string Spelling;
  const FunctionDecl *Release = findReleaseFunction(Family, Ctx, Spelling);
  std::vector<ReleaseStatement> Stmts;
  llvm::SmallVector<size_t, 4> StmtLeak;
  for (size_t I = 0; I != Leaks.size(); ++I) {
    const Leak &L = Leaks[I];
    const TrackedMember &M = A.members()[L.Member];
    std::string &Why = Plan.WhyNot[I];
    if (!L.ReleasedElsewhere.empty())
      continue; // The note naming where it is released says enough.
    if (L.NotAcquiringCtor) {
      Why = "constructor '" + L.NotAcquiringCtor->getNameAsString() +
            "' leaves it un" + Family.Acquired;
      continue;
    }
    if (!Release) {
      Why = "no declaration of a release function (" +
            Family.Release.serialize() + ") is visible";
      continue;
    }
    std::optional<std::string> Text =
        releaseStatement(M, Spelling, Ctx.getLangOpts());
    if (!Text) {
      Why = "multi-dimensional arrays are not rewritten";
      continue;
    }
    Stmts.push_back({L.Member, std::move(*Text)});
    StmtLeak.push_back(I);
  }
  if (Stmts.empty())
    return Plan;
  std::string WhyNot;
  DestructorWriter Writer(A, Ctx);
  Plan.Fixes = Writer.write(Stmts, Release, WhyNot);
  for (size_t I : StmtLeak) {
    if (Plan.Fixes.empty())
      Plan.WhyNot[I] = WhyNot;
    else
      Plan.Fixed.push_back(Leaks[I].Member);
  }
  return Plan;
}

} // namespace

void reportClass(ClangTidyCheck &Check, ClassAnalysis &A, ASTContext &Ctx) {
  const ResourceFamily &Family = A.family();
  const CXXRecordDecl &RD = A.record();
  std::vector<Leak> Leaks = A.leaks();
  DestructorInfo Dtor = A.destructor();
  ClassFix Plan = planFix(A, Leaks, Ctx);
  bool FixAttached = false;

  for (size_t I = 0; I != Leaks.size(); ++I) {
    const Leak &L = Leaks[I];
    const TrackedMember &M = A.members()[L.Member];
    {
      auto Diag =
          Dtor.Kind == DestructorKind::Implicit
              ? Check.diag(L.Acquire->F->Site->getBeginLoc(),
                           "%0 %1 is %2 in constructor %3 but never %4; %5 "
                           "has no user-declared destructor")
              : Check.diag(L.Acquire->F->Site->getBeginLoc(),
                           "%0 %1 is %2 in constructor %3 but never %4 in "
                           "destructor %5");
      Diag << Family.Name << quoted(M) << Family.Acquired << L.Ctor
           << Family.Released;
      if (Dtor.Kind == DestructorKind::Implicit)
        Diag << &RD;
      else
        Diag << Dtor.Decl;
      // All fixable leaks of a class share one destructor edit, carried by
      // the first of their warnings so that applying every fix writes it
      // once.
      if (!FixAttached && llvm::is_contained(Plan.Fixed, L.Member)) {
        FixAttached = true;
        for (const FixItHint &Fix : Plan.Fixes)
          Diag << Fix;
      }
    }
    if (L.Acquire->FirstHop)
      Check.diag(L.Acquire->FirstHop->getBeginLoc(),
                 "%0 is %1 through this call in constructor %2",
                 DiagnosticIDs::Note)
          << quoted(M) << Family.Acquired << L.Ctor;
    Check.diag(M.topLevel()->getLocation(), "%0 declared here",
               DiagnosticIDs::Note)
        << quoted(M);
    for (const auto &[Fn, Fct] : L.ReleasedElsewhere)
      Check.diag(Fct->Site->getBeginLoc(),
                 "%0 is %1 in %2, which the destructor does not call",
                 DiagnosticIDs::Note)
          << quoted(M) << Family.Released << llvm::cast<NamedDecl>(Fn);
    if (Dtor.Kind == DestructorKind::Implicit)
      Check.diag(RD.getLocation(), "class %0 declared here",
                 DiagnosticIDs::Note)
          << &RD;
    else
      Check.diag(Dtor.Def->getLocation(), "destructor %0 declared here",
                 DiagnosticIDs::Note)
          << Dtor.Decl;
    if (!Plan.WhyNot[I].empty())
      Check.diag(L.NotAcquiringCtor ? L.NotAcquiringCtor->getLocation()
                                    : L.Acquire->F->Site->getBeginLoc(),
                 "no fix-it: %0", DiagnosticIDs::Note)
          << Plan.WhyNot[I];
  }

  for (const UnacquiredRelease &U : A.releasesWithoutAcquire()) {
    const TrackedMember &M = A.members()[U.Member];
    Check.diag(U.Ctor->getLocation(),
               "%0 %1 is not %2 in constructor %3 but is %4 in destructor %5")
        << Family.Name << quoted(M) << Family.Acquired << U.Ctor
        << Family.Released << Dtor.Decl;
    Check.diag(U.Release->F->Site->getBeginLoc(), "%0 is %1 here",
               DiagnosticIDs::Note)
        << quoted(M) << Family.Released;
  }
}

} // namespace clang::tidy::raii
