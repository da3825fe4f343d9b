//===--- LeakReporter.cpp - raii-tidy -------------------------------------===//

#include "LeakReporter.h"
#include "FixPlanner.h"
#include "ProjectFacts.h"
#include "SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::raii {

std::string quoted(const TrackedMember &M) { return "'" + M.spelling() + "'"; }

/// "destructor '~X' declared here" (at its definition with
/// \p AtDefinition), or "class 'X' declared here" when it is implicit.
static void noteDestructor(ClangTidyCheck &Check, ClassAnalysis &A,
                           const DestructorInfo &Dtor, bool AtDefinition) {
  const CXXRecordDecl &RD = A.record();
  if (Dtor.Kind == DestructorKind::Implicit) {
    Check.diag(RD.getLocation(), "class %0 declared here", DiagnosticIDs::Note)
        << &RD;
    return;
  }
  SourceLocation Loc = (AtDefinition ? Dtor.Def : Dtor.Decl)->getLocation();
  // Defined in another translation unit: there.
  if (const StoredFunction *SF = Dtor.Kind == DestructorKind::External
                                     ? A.external(Dtor.Decl)
                                     : nullptr;
      SF && AtDefinition)
    if (SourceLocation At =
            locationOf(SF->Place, RD.getASTContext().getSourceManager());
        At.isValid())
      Loc = At;
  Check.diag(Loc, "destructor %0 declared here", DiagnosticIDs::Note)
      << Dtor.Decl;
}

static void noteAcquiredVia(ClangTidyCheck &Check, const Fact &Acquire,
                            const TrackedMember &M) {
  if (!Acquire.Via || !Acquire.Callee)
    return;
  const auto *Call = llvm::dyn_cast<CallExpr>(Acquire.Via);
  const ResourceFamily &Family = *Acquire.Key.Family;
  Check.diag(Acquire.Via->getBeginLoc(), "%0 is %1 here by %2, through %3",
             DiagnosticIDs::Note)
      << quoted(M) << Family.Acquired
      << Family.acquireSpelling(Call ? Call->getDirectCallee() : nullptr)
      << Acquire.Callee;
}

/// "'InitializeCriticalSection'", "'new'": what acquired at \p Acquire.
static std::string acquiredBy(const ResourceFamily &Family,
                              const Fact &Acquire) {
  if (Acquire.Stored && !Acquire.Callee && !Acquire.Stored->Callee.empty() &&
      Family.AcquiredBy != AcquireForm::New &&
      Family.AcquiredBy != AcquireForm::NewArray)
    return "'" + Acquire.Stored->Callee + "'";
  return Family.acquireSpelling(Acquire.Callee);
}

/// Where a finding about the acquisition \p R goes: the acquiring statement,
/// or, when it is in another translation unit (project facts), the call
/// here that leads there.
static SourceLocation findingLocation(const ReachedFact &R) {
  if (R.F->Site)
    return R.F->Site->getBeginLoc();
  return R.FirstHop ? R.FirstHop->getBeginLoc() : SourceLocation();
}

/// For an acquisition in another translation unit: where it is.
static void noteStoredAcquire(ClangTidyCheck &Check, const ReachedFact &R,
                              const TrackedMember &M, SourceManager &SM) {
  if (!R.F->Stored)
    return;
  const ResourceFamily &Family = *R.F->Key.Family;
  Check.diag(factLocation(*R.F, SM), "%0 is %1 here by %2, in %3",
             DiagnosticIDs::Note)
      << quoted(M) << Family.Acquired << acquiredBy(Family, *R.F)
      << llvm::cast<NamedDecl>(R.In);
}

std::vector<PlannedRelease> reportLeaks(ClangTidyCheck &Check, ClassAnalysis &A,
                                        ASTContext &Ctx, LeakWording Wording) {
  const CXXRecordDecl &RD = A.record();
  std::vector<Leak> Leaks = A.leaks();
  // A leak is reported, and fixed, where its constructor is defined: with
  // project facts, the other translation units of the class see it too.
  llvm::erase_if(Leaks, [&](const Leak &L) { return !A.bodyOf(L.Ctor); });
  DestructorInfo Dtor = A.destructor();
  DestructorFixPlan Plan = planDestructorFix(A, Leaks, Ctx);
  std::vector<PlannedRelease> Planned;
  // The checks judged after this one see the class as the fix-its leave
  // it, unless a NOLINT comment may keep the fix from being applied.
  const SourceManager &SM = Ctx.getSourceManager();
  text::SuppressionScan &Suppressions = A.bodies().index().suppressions();
  // (The edit rides on the first fixed leak's warning: see below.)
  auto Carrier = llvm::find_if(Leaks, [&](const Leak &L) {
    return L.Key.Family->Reported && llvm::is_contained(Plan.Fixed, L.Key);
  });
  if (Carrier != Leaks.end() &&
      !Suppressions.maySuppress(findingLocation(*Carrier->Acquire), SM))
    for (const ResourceKey &Key : Plan.Fixed)
      Planned.push_back(
          {A.members()[Key.Member].Path, Key.Pointee, Key.Family});
  bool FixAttached = false;
  bool Implicit = Dtor.Kind == DestructorKind::Implicit;
  bool Named = Wording == LeakWording::NameAcquirer;

  for (size_t I = 0; I != Leaks.size(); ++I) {
    const Leak &L = Leaks[I];
    const ResourceFamily &Family = *L.Key.Family;
    const TrackedMember &M = A.members()[L.Key.Member];
    if (!Family.Reported)
      continue;
    {
      // "%0 %1 is %2[ by %3] in constructor %4 but never %5 ..."
      std::string Format = "%0 %1 is %2";
      Format += Named ? " by %3" : "%3";
      Format += " in constructor %4 but never %5";
      Format += Implicit ? "; %6 has no user-declared destructor"
                         : " in destructor %6";
      auto Diag = Check.diag(findingLocation(*L.Acquire), Format);
      Diag << Family.Name << quoted(M) << Family.Acquired
           << (Named ? acquiredBy(Family, *L.Acquire->F) : "") << L.Ctor
           << Family.Released;
      if (Implicit)
        Diag << &RD;
      else
        Diag << Dtor.Decl;
      // All fixable leaks of a class share one destructor edit, carried by
      // the first of their warnings so that applying every fix writes it
      // once.
      if (!FixAttached && llvm::is_contained(Plan.Fixed, L.Key)) {
        FixAttached = true;
        for (const FixItHint &Fix : Plan.Fixes)
          Diag << Fix;
      }
    }
    if (L.Acquire->FirstHop && L.Acquire->F->Site)
      Check.diag(L.Acquire->FirstHop->getBeginLoc(),
                 "%0 is %1 through this call in constructor %2",
                 DiagnosticIDs::Note)
          << quoted(M) << Family.Acquired << L.Ctor;
    noteAcquiredVia(Check, *L.Acquire->F, M);
    noteStoredAcquire(Check, *L.Acquire, M, Ctx.getSourceManager());
    Check.diag(M.topLevel()->getLocation(), "%0 declared here",
               DiagnosticIDs::Note)
        << quoted(M);
    if (M.InheritedFrom)
      Check.diag(M.InheritedFrom->getLocation(),
                 "%0 is a member of base class %1, which does not release "
                 "it either",
                 DiagnosticIDs::Note)
          << quoted(M) << M.InheritedFrom;
    for (const auto &[Fn, Fct] : L.ReleasedElsewhere)
      Check.diag(factLocation(*Fct, Ctx.getSourceManager()),
                 "%0 is %1 in %2, which the destructor does not call",
                 DiagnosticIDs::Note)
          << quoted(M) << Family.Released << llvm::cast<NamedDecl>(Fn);
    noteDestructor(Check, A, Dtor, /*AtDefinition=*/true);
    if (const FunctionDecl *FinalRelease = A.finalRelease())
      Check.diag(FinalRelease->getLocation(),
                 "%0 runs before the destructor (ATL's CComObject calls it)"
                 "%select{|: the fix-it writes the release of %2 into it}1",
                 DiagnosticIDs::Note)
          << FinalRelease << llvm::is_contained(Plan.Fixed, L.Key) << quoted(M);
    if (!Plan.WhyNot[I].empty())
      Check.diag(L.NotAcquiringCtor ? L.NotAcquiringCtor->getLocation()
                                    : findingLocation(*L.Acquire),
                 "no fix-it: %0", DiagnosticIDs::Note)
          << Plan.WhyNot[I];
  }

  for (const UnacquiredRelease &U : A.releasesWithoutAcquire()) {
    const ResourceFamily &Family = *U.Key.Family;
    if (!Family.Reported)
      continue;
    const TrackedMember &M = A.members()[U.Key.Member];
    Check.diag(U.Ctor->getLocation(),
               "%0 %1 is not %2 in constructor %3 but is %4 in destructor %5")
        << Family.Name << quoted(M) << Family.Acquired << U.Ctor
        << Family.Released << Dtor.Decl;
    Check.diag(factLocation(*U.Release->F, Ctx.getSourceManager()),
               "%0 is %1 here", DiagnosticIDs::Note)
        << quoted(M) << Family.Released;
  }
  return Planned;
}

void reportGlobalLeaks(ClangTidyCheck &Check, CalleeSummaries &Callees,
                       llvm::ArrayRef<const FunctionDecl *> FreeFunctions,
                       llvm::ArrayRef<LifecyclePair> Pairs, ASTContext &Ctx,
                       LeakWording Wording) {
  bool Named = Wording == LeakWording::NameAcquirer;
  for (const GlobalLeak &L : globalLeaks(FreeFunctions, Callees, Pairs, Ctx)) {
    const ResourceFamily &Family = *L.Family;
    FixPlan Fix = planDetachFix(L, Ctx);
    std::string Var = "'" + L.Var->getNameAsString() + "'";
    {
      std::string Format = "%0 %1 is %2";
      Format += Named ? " by %3" : "%3";
      Format += L.Pair ? " in %4 but %5 nowhere in the translation unit"
                       : " in %4 on DLL_PROCESS_ATTACH but %5 nowhere in the "
                         "translation unit: it leaks on every unload of the "
                         "DLL";
      auto Diag = Check.diag(L.Site->getBeginLoc(), Format);
      Diag << Family.Name << Var << Family.Acquired
           << (Named ? Family.acquireSpelling(L.Callee) : "")
           << llvm::cast<NamedDecl>(L.Acquirer) << Family.Released;
      for (const FixItHint &Hint : Fix.Fixes)
        Diag << Hint;
    }
    Check.diag(L.Var->getLocation(), "%0 declared here", DiagnosticIDs::Note)
        << Var;
    if (L.Acquirer != L.Entry)
      Check.diag(L.Entry->getLocation(), "%0 runs from %1", DiagnosticIDs::Note)
          << llvm::cast<NamedDecl>(L.Acquirer)
          << llvm::cast<NamedDecl>(L.Entry);
    if (L.CloseDef)
      Check.diag(L.CloseDef->getLocation(), "%0 declared here",
                 DiagnosticIDs::Note)
          << llvm::cast<NamedDecl>(L.CloseDef);
    if (!Fix.WhyNot.empty())
      Check.diag(L.Site->getBeginLoc(), "no fix-it: %0", DiagnosticIDs::Note)
          << Fix.WhyNot;
  }
}

void reportLifecycleLeaks(ClangTidyCheck &Check, ClassAnalysis &A,
                          ASTContext &Ctx, llvm::ArrayRef<LifecyclePair> Pairs,
                          LeakWording Wording) {
  const CXXRecordDecl &RD = A.record();
  DestructorInfo Dtor = A.destructor();
  bool Implicit = Dtor.Kind == DestructorKind::Implicit;
  bool Named = Wording == LeakWording::NameAcquirer;
  for (const LifecycleLeak &L : lifecycleLeaks(A, Pairs)) {
    const ResourceFamily &Family = *L.Key.Family;
    const TrackedMember &M = A.members()[L.Key.Member];
    FixPlan Fix = planClosingFix(A, L, Ctx);
    {
      // "%0 %1 is %2[ by %3] in %4 but ..."
      std::string Format = "%0 %1 is %2";
      Format += Named ? " by %3" : "%3";
      Format += " in %4 but ";
      if (L.Close)
        Format += Implicit ? "%5 neither in %6 nor in the implicit destructor "
                             "of %7"
                           : "%5 neither in %6 nor in destructor %7";
      else if (!L.Pair->Close.empty())
        Format += Implicit ? "never %5: class %7 has no %6 and no "
                             "user-declared destructor"
                           : "never %5: class %8 has no %6, and it is not %5 "
                             "in destructor %7";
      else
        Format += Implicit ? "never %5; %7 has no user-declared destructor"
                           : "never %5 in destructor %7";
      auto Diag = Check.diag(findingLocation(*L.Acquire), Format);
      Diag << Family.Name << quoted(M) << Family.Acquired
           << (Named ? acquiredBy(Family, *L.Acquire->F) : "")
           << llvm::cast<NamedDecl>(L.Open) << Family.Released
           << ("'" + L.Pair->Close + "'");
      if (Implicit)
        Diag << &RD;
      else
        Diag << Dtor.Decl;
      if (!L.Close && !L.Pair->Close.empty() && !Implicit)
        Diag << &RD;
      for (const FixItHint &Hint : Fix.Fixes)
        Diag << Hint;
    }
    if (L.Acquire->FirstHop && L.Acquire->F->Site)
      Check.diag(L.Acquire->FirstHop->getBeginLoc(),
                 "%0 is %1 through this call in %2", DiagnosticIDs::Note)
          << quoted(M) << Family.Acquired << llvm::cast<NamedDecl>(L.Open);
    noteStoredAcquire(Check, *L.Acquire, M, Ctx.getSourceManager());
    Check.diag(M.topLevel()->getLocation(), "%0 declared here",
               DiagnosticIDs::Note)
        << quoted(M);
    if (L.Close)
      Check.diag(L.CloseDef->getLocation(), "%0 declared here",
                 DiagnosticIDs::Note)
          << llvm::cast<NamedDecl>(L.CloseDef);
    noteDestructor(Check, A, Dtor, /*AtDefinition=*/false);
    if (!Fix.WhyNot.empty())
      Check.diag(findingLocation(*L.Acquire), "no fix-it: %0",
                 DiagnosticIDs::Note)
          << Fix.WhyNot;
  }
}

/// How \p Release (a call or delete-expression of another family) is
/// spelled in diagnostics: "'delete'", "'RegCloseKey'".
static std::string wrongSpelling(const Fact &Release) {
  if (const auto *Delete = llvm::dyn_cast_or_null<CXXDeleteExpr>(Release.Site))
    return Delete->isArrayForm() ? "'delete[]'" : "'delete'";
  if (Release.Callee)
    return "'" + Release.Callee->getNameAsString() + "'";
  return "'?'";
}

void reportMismatchedReleases(ClangTidyCheck &Check, ClassAnalysis &A,
                              ASTContext &Ctx) {
  for (const MismatchedRelease &Mis : A.mismatchedReleases()) {
    const ResourceFamily &Right = *Mis.Key.Family;
    if (!Right.Reported)
      continue;
    const TrackedMember &M = A.members()[Mis.Key.Member];
    FixPlan Fix = planReleaseReplacement(A, Mis, Ctx);
    {
      auto Diag = Check.diag(Mis.Release->Site->getBeginLoc(),
                             "%0 %1 is %2 by %3 in constructor %4 but "
                             "released by %5 in %6; it must be %7 by %8");
      Diag << Right.Name << quoted(M) << Right.Acquired
           << acquiredBy(Right, *Mis.Acquire->F) << Mis.Ctor
           << wrongSpelling(*Mis.Release) << llvm::cast<NamedDecl>(Mis.In)
           << Right.Released << releaseSpelling(Right);
      for (const FixItHint &Hint : Fix.Fixes)
        Diag << Hint;
    }
    Check.diag(factLocation(*Mis.Acquire->F, Ctx.getSourceManager()),
               "%0 is %1 here", DiagnosticIDs::Note)
        << quoted(M) << Right.Acquired;
    if (!Fix.WhyNot.empty())
      Check.diag(Mis.Release->Site->getBeginLoc(), "no fix-it: %0",
                 DiagnosticIDs::Note)
          << Fix.WhyNot;
  }
}

} // namespace clang::tidy::raii
