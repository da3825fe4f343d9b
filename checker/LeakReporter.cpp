//===--- LeakReporter.cpp - raii-tidy -------------------------------------===//

#include "LeakReporter.h"
#include "DestructorWriter.h"
#include "Ownership.h"
#include "SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::raii {

std::string quoted(const TrackedMember &M) { return "'" + M.spelling() + "'"; }

namespace {

/// The fix-its releasing every fixable leak, and for each leak that gets
/// none the reason why.
struct ClassFix {
  std::vector<FixItHint> Fixes;
  llvm::SmallVector<ResourceKey, 4> Fixed; ///< Resources covered by Fixes.
  std::vector<std::string> WhyNot;         ///< Per leak; empty if fixed.
};

/// Why the family's release of \p L's resource, written into the
/// destructor, could be wrong: `delete` of an incomplete type, through a
/// base without a virtual destructor, or of a type whose destructor the
/// class cannot call.
std::optional<std::string> whyReleaseIsUnsafe(ClassAnalysis &A, const Leak &L) {
  const ResourceFamily &Family = *L.Key.Family;
  if (L.Key.Pointee || (Family.ReleasedBy != ReleaseForm::Delete &&
                        Family.ReleasedBy != ReleaseForm::DeleteArray))
    return std::nullopt;
  const TrackedMember &M = A.members()[L.Key.Member];
  if (!M.Element->isPointerType())
    return std::string("the member is not a pointer");
  llvm::SmallVector<QualType, 2> Allocated;
  for (const CXXConstructorDecl *Ctor : A.constructors())
    if (const Closure *C = A.closureOf(Ctor))
      for (const ReachedFact *R : C->factsOf(L.Key.Member))
        if (R->F->Kind == FactKind::Acquire && R->F->Key == L.Key)
          if (const auto *New = llvm::dyn_cast<CXXNewExpr>(R->F->Site))
            Allocated.push_back(New->getAllocatedType());
  return whyDeleteIsUnsafe(M.Element->getPointeeType(), Allocated,
                           Family.ReleasedBy == ReleaseForm::DeleteArray,
                           A.record());
}

ClassFix planFix(ClassAnalysis &A, llvm::ArrayRef<Leak> Leaks,
                 ASTContext &Ctx) {
  ClassFix Plan;
  Plan.WhyNot.resize(Leaks.size());
  if (Ctx.getDiagnostics().hasUncompilableErrorOccurred()) {
    // Code with errors never receives a fix-it; no note either, the errors
    // come first.
    return Plan;
  }
  std::vector<ReleaseStatement> Stmts;
  llvm::SmallVector<size_t, 4> StmtLeak;
  for (size_t I = 0; I != Leaks.size(); ++I) {
    const Leak &L = Leaks[I];
    const ResourceFamily &Family = *L.Key.Family;
    const TrackedMember &M = A.members()[L.Key.Member];
    std::string &Why = Plan.WhyNot[I];
    if (!Family.Reported || !L.ReleasedElsewhere.empty())
      continue; // Another check's, or a note says where it is released.
    // Freeing the member while what it points to is still acquired (and
    // not released by this fix) would release that through freed memory.
    if (const Leak *Inner =
            llvm::find_if(Leaks,
                          [&](const Leak &O) {
                            return O.Key.Member == L.Key.Member &&
                                   O.Key.Pointee && !L.Key.Pointee &&
                                   !O.Key.Family->Reported;
                          });
        Inner != Leaks.end()) {
      Why = "what " + quoted(M) + " points to is still " +
            Inner->Key.Family->Acquired + "; release it first";
      continue;
    }
    if (L.NotAcquiringCtor) {
      Why = "constructor '" + L.NotAcquiringCtor->getNameAsString() +
            (L.NotAcquiringLeaves == CtorLeaves::Adopted
                 ? "' stores what it is given, which it may not own"
                 : "' leaves it un" + Family.Acquired);
      continue;
    }
    if (std::optional<std::string> Unsafe = whyReleaseIsUnsafe(A, L)) {
      Why = std::move(*Unsafe);
      continue;
    }
    std::optional<ReleaseCall> Release = findRelease(Family, Ctx);
    if (!Release) {
      Why = "no declaration of a release function (" +
            Family.Release.serialize() + ") is visible";
      continue;
    }
    std::optional<std::string> Text =
        releaseStatement(M, L.Key, Release->Spelling, Ctx.getLangOpts());
    if (!Text) {
      Why = "multi-dimensional arrays are not rewritten";
      continue;
    }
    Stmts.push_back({L.Key, std::move(*Text), Release->Function});
    StmtLeak.push_back(I);
  }
  if (Stmts.empty())
    return Plan;
  std::string WhyNot;
  DestructorWriter Writer(A, Ctx);
  Plan.Fixes = Writer.write(Stmts, WhyNot);
  for (size_t I : StmtLeak) {
    if (Plan.Fixes.empty())
      Plan.WhyNot[I] = WhyNot;
    else
      Plan.Fixed.push_back(Leaks[I].Key);
  }
  return Plan;
}

} // namespace

/// "destructor '~X' declared here" (at its definition with
/// \p AtDefinition), or "class 'X' declared here" when it is implicit.
static void noteDestructor(ClangTidyCheck &Check, const CXXRecordDecl &RD,
                           const DestructorInfo &Dtor, bool AtDefinition) {
  if (Dtor.Kind == DestructorKind::Implicit)
    Check.diag(RD.getLocation(), "class %0 declared here", DiagnosticIDs::Note)
        << &RD;
  else
    Check.diag((AtDefinition ? Dtor.Def : Dtor.Decl)->getLocation(),
               "destructor %0 declared here", DiagnosticIDs::Note)
        << Dtor.Decl;
}

void reportLeaks(ClangTidyCheck &Check, ClassAnalysis &A, ASTContext &Ctx,
                 LeakWording Wording) {
  const CXXRecordDecl &RD = A.record();
  std::vector<Leak> Leaks = A.leaks();
  DestructorInfo Dtor = A.destructor();
  ClassFix Plan = planFix(A, Leaks, Ctx);
  // The checks judged after this one see the class as the fix-its leave
  // it, unless a NOLINT comment may keep the fix from being applied.
  const SourceManager &SM = Ctx.getSourceManager();
  text::SuppressionScan &Suppressions = A.bodies().index().suppressions();
  // (The edit rides on the first fixed leak's warning: see below.)
  auto Carrier = llvm::find_if(Leaks, [&](const Leak &L) {
    return L.Key.Family->Reported && llvm::is_contained(Plan.Fixed, L.Key);
  });
  if (Carrier != Leaks.end() &&
      !Suppressions.maySuppress(Carrier->Acquire->F->Site->getBeginLoc(), SM))
    for (const ResourceKey &Key : Plan.Fixed)
      A.bodies().planRelease(
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
      auto Diag = Check.diag(L.Acquire->F->Site->getBeginLoc(), Format);
      Diag << Family.Name << quoted(M) << Family.Acquired
           << (Named ? Family.acquireSpelling(L.Acquire->F->Callee) : "")
           << L.Ctor << Family.Released;
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
    if (L.Acquire->FirstHop)
      Check.diag(L.Acquire->FirstHop->getBeginLoc(),
                 "%0 is %1 through this call in constructor %2",
                 DiagnosticIDs::Note)
          << quoted(M) << Family.Acquired << L.Ctor;
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
      Check.diag(Fct->Site->getBeginLoc(),
                 "%0 is %1 in %2, which the destructor does not call",
                 DiagnosticIDs::Note)
          << quoted(M) << Family.Released << llvm::cast<NamedDecl>(Fn);
    noteDestructor(Check, RD, Dtor, /*AtDefinition=*/true);
    if (!Plan.WhyNot[I].empty())
      Check.diag(L.NotAcquiringCtor ? L.NotAcquiringCtor->getLocation()
                                    : L.Acquire->F->Site->getBeginLoc(),
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
    Check.diag(U.Release->F->Site->getBeginLoc(), "%0 is %1 here",
               DiagnosticIDs::Note)
        << quoted(M) << Family.Released;
  }
}

namespace {

/// The fix-it writing \p L's release into its closing method, or none with
/// \p Why set.
std::vector<FixItHint> lifecycleFix(ClassAnalysis &A, ASTContext &Ctx,
                                    const LifecycleLeak &L, std::string &Why) {
  const ResourceFamily &Family = *L.Key.Family;
  const TrackedMember &M = A.members()[L.Key.Member];
  std::string Open = "'" + L.Open->getNameAsString() + "'";
  if (L.Pair->Close.empty()) {
    Why = "the destructor may run without " + Open;
    return {};
  }
  std::string Close = "'" + L.Pair->Close + "'";
  if (!L.Close) {
    Why = "class '" + A.record().getNameAsString() + "' has no " + Close;
    return {};
  }
  if (!L.Pair->Once) {
    Why = Close + " may run without " + Open + ", or more than once";
    return {};
  }
  if (!acquiredUnconditionally(*L.Open, *L.Acquire)) {
    Why = Open + " may return before " + quoted(M) + " is " + Family.Acquired;
    return {};
  }
  if (Family.ReleasedBy == ReleaseForm::Delete ||
      Family.ReleasedBy == ReleaseForm::DeleteArray) {
    llvm::SmallVector<QualType, 1> Allocated;
    if (const auto *New = llvm::dyn_cast<CXXNewExpr>(L.Acquire->F->Site))
      Allocated.push_back(New->getAllocatedType());
    if (L.Key.Pointee || !M.Element->isPointerType()) {
      Why = "the member is not a pointer";
      return {};
    }
    if (std::optional<std::string> Unsafe = whyDeleteIsUnsafe(
            M.Element->getPointeeType(), Allocated,
            Family.ReleasedBy == ReleaseForm::DeleteArray, A.record())) {
      Why = std::move(*Unsafe);
      return {};
    }
  }
  std::optional<ReleaseCall> Release = findRelease(Family, Ctx);
  if (!Release) {
    Why = "no declaration of a release function (" +
          Family.Release.serialize() + ") is visible";
    return {};
  }
  std::optional<std::string> Text =
      releaseStatement(M, L.Key, Release->Spelling, Ctx.getLangOpts());
  if (!Text) {
    Why = "multi-dimensional arrays are not rewritten";
    return {};
  }
  DestructorWriter Writer(A, Ctx, *L.CloseDef);
  return Writer.write({{L.Key, std::move(*Text), Release->Function}}, Why);
}

} // namespace

namespace {

/// How \p Site names \p Var, or "" when a macro does.
std::string variableSpelling(const Stmt &Site, const VarDecl &Var,
                             const SourceManager &SM, const LangOptions &LO) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *Var = nullptr;
    const DeclRefExpr *Found = nullptr;
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (E->getDecl() == Var && !Found)
        Found = E;
      return !Found;
    }
  } F;
  F.Var = &Var;
  F.TraverseStmt(const_cast<Stmt *>(&Site));
  if (!F.Found || F.Found->getBeginLoc().isMacroID() ||
      F.Found->getEndLoc().isMacroID())
    return "";
  return Lexer::getSourceText(
             CharSourceRange::getTokenRange(F.Found->getSourceRange()), SM, LO)
      .str();
}

/// The fix-it releasing \p L in DllMain's DLL_PROCESS_DETACH case, or none
/// with \p Why set.
std::optional<FixItHint> detachFix(const GlobalLeak &L, ASTContext &Ctx,
                                   std::string &Why) {
  const SourceManager &SM = Ctx.getSourceManager();
  const ResourceFamily &Family = *L.Family;
  if (L.Pair) {
    Why = L.CloseDef
              ? "'" + L.CloseDef->getNameAsString() + "' may run without '" +
                    L.Entry->getNameAsString() + "', or more than once"
              : "there is no '" + L.Pair->Close + "'";
    return std::nullopt;
  }
  if (!L.Unconditional) {
    Why = "the DLL_PROCESS_ATTACH branch may not reach it, and "
          "DLL_PROCESS_DETACH runs after a failed attach too";
    return std::nullopt;
  }
  if (!L.DetachStmt) {
    Why = std::string(L.NoDetach);
    return std::nullopt;
  }
  if (Family.ReleasedBy != ReleaseForm::Call) {
    // `delete` needs what was allocated and who may destroy it; a method
    // release needs the object: written for members only.
    Why = "a release by 'delete' or by a method is not written for a "
          "variable";
    return std::nullopt;
  }
  std::optional<ReleaseCall> Release = findRelease(Family, Ctx);
  if (!Release) {
    Why = "no declaration of a release function (" +
          Family.Release.serialize() + ") is visible";
    return std::nullopt;
  }
  SourceLocation Loc = L.DetachStmt->getBeginLoc();
  if (!text::allInFile({Loc}) ||
      (Release->Function &&
       llvm::none_of(Release->Function->redecls(), [&](const FunctionDecl *D) {
         return SM.isBeforeInTranslationUnit(D->getLocation(), Loc);
       }))) {
    Why = "the DLL_PROCESS_DETACH case comes from a macro, or the release "
          "function is declared after it";
    return std::nullopt;
  }
  // The variable as the attach branch names it (`g_cs`, `Module::s_cs`),
  // which the detach case of the same switch can name the same way.
  std::string Holder = variableSpelling(*L.Site, *L.Var, SM, Ctx.getLangOpts());
  if (Holder.empty()) {
    Why = "the variable is named through a macro";
    return std::nullopt;
  }
  std::string Text =
      releaseExpression(Family, L.Pointee, Holder, Release->Spelling) + ";";
  if (Family.ReleaseNeedsNonNull)
    Text = "if (" + Holder + ") " + Text;
  llvm::StringRef Indent = text::lineIndent(Loc, SM);
  return FixItHint::CreateInsertion(
      Loc, Text + text::lineEnding(Loc, SM).str() + Indent.str());
}

} // namespace

void reportGlobalLeaks(ClangTidyCheck &Check, const ResourceModel &Model,
                       llvm::ArrayRef<const FunctionDecl *> FreeFunctions,
                       llvm::ArrayRef<LifecyclePair> Pairs, ASTContext &Ctx,
                       LeakWording Wording) {
  bool Named = Wording == LeakWording::NameAcquirer;
  for (const GlobalLeak &L : globalLeaks(FreeFunctions, Model, Pairs, Ctx)) {
    const ResourceFamily &Family = *L.Family;
    std::string Why;
    std::optional<FixItHint> Fix;
    if (!Ctx.getDiagnostics().hasUncompilableErrorOccurred())
      Fix = detachFix(L, Ctx, Why);
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
      if (Fix)
        Diag << *Fix;
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
    if (!Why.empty())
      Check.diag(L.Site->getBeginLoc(), "no fix-it: %0", DiagnosticIDs::Note)
          << Why;
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
    std::string Why;
    std::vector<FixItHint> Fixes;
    if (!Ctx.getDiagnostics().hasUncompilableErrorOccurred())
      Fixes = lifecycleFix(A, Ctx, L, Why);
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
      auto Diag = Check.diag(L.Acquire->F->Site->getBeginLoc(), Format);
      Diag << Family.Name << quoted(M) << Family.Acquired
           << (Named ? Family.acquireSpelling(L.Acquire->F->Callee) : "")
           << llvm::cast<NamedDecl>(L.Open) << Family.Released
           << ("'" + L.Pair->Close + "'");
      if (Implicit)
        Diag << &RD;
      else
        Diag << Dtor.Decl;
      if (!L.Close && !L.Pair->Close.empty() && !Implicit)
        Diag << &RD;
      for (const FixItHint &Fix : Fixes)
        Diag << Fix;
    }
    if (L.Acquire->FirstHop)
      Check.diag(L.Acquire->FirstHop->getBeginLoc(),
                 "%0 is %1 through this call in %2", DiagnosticIDs::Note)
          << quoted(M) << Family.Acquired << llvm::cast<NamedDecl>(L.Open);
    Check.diag(M.topLevel()->getLocation(), "%0 declared here",
               DiagnosticIDs::Note)
        << quoted(M);
    if (L.Close)
      Check.diag(L.CloseDef->getLocation(), "%0 declared here",
                 DiagnosticIDs::Note)
          << llvm::cast<NamedDecl>(L.CloseDef);
    noteDestructor(Check, RD, Dtor, /*AtDefinition=*/false);
    if (!Why.empty())
      Check.diag(L.Acquire->F->Site->getBeginLoc(), "no fix-it: %0",
                 DiagnosticIDs::Note)
          << Why;
  }
}

namespace {

/// How \p Release (a call or delete-expression of another family) is
/// spelled in diagnostics: "'delete'", "'RegCloseKey'".
std::string releaseSpelling(const Fact &Release) {
  if (const auto *Delete = llvm::dyn_cast<CXXDeleteExpr>(Release.Site))
    return Delete->isArrayForm() ? "'delete[]'" : "'delete'";
  if (Release.Callee)
    return "'" + Release.Callee->getNameAsString() + "'";
  return "'?'";
}

/// "'delete[]'", "'free'": the release \p Family's fix-its write.
std::string rightSpelling(const ResourceFamily &Family) {
  switch (Family.ReleasedBy) {
  case ReleaseForm::Delete:
    return "'delete'";
  case ReleaseForm::DeleteArray:
    return "'delete[]'";
  default:
    return Family.Release.empty()
               ? "'?'"
               : "'" + Family.Release.specs().front().unqualified().str() + "'";
  }
}

/// The expression the wrong release gives the resource to: the argument of
/// `delete`, or the call's argument at the release's index.
const Expr *releasedOperand(const Fact &Release) {
  if (const auto *Delete = llvm::dyn_cast<CXXDeleteExpr>(Release.Site))
    return Delete->getArgument();
  const auto *Call = llvm::dyn_cast<CallExpr>(Release.Site);
  if (!Call || !Release.Callee || llvm::isa<CXXMemberCallExpr>(Call))
    return nullptr;
  const ResourceFamily &Wrong = *Release.Key.Family;
  std::optional<unsigned> Arg = Wrong.Release.match(*Release.Callee);
  if (!Arg || *Arg >= Call->getNumArgs())
    return nullptr;
  return Call->getArg(*Arg);
}

/// The fix-it replacing the wrong release with \p Right's, or none with
/// \p WhyNot set.
std::optional<FixItHint> fixRelease(ClassAnalysis &A,
                                    const MismatchedRelease &Mis,
                                    ASTContext &Ctx, std::string &WhyNot) {
  if (Ctx.getDiagnostics().hasUncompilableErrorOccurred())
    return std::nullopt;
  const ResourceFamily &Right = *Mis.Key.Family;
  if (Right.ReleaseNeedsNonNull) {
    WhyNot = rightSpelling(Right) + " must not be given a null value";
    return std::nullopt;
  }
  if (Right.ReleasedBy == ReleaseForm::Delete ||
      Right.ReleasedBy == ReleaseForm::DeleteArray) {
    llvm::SmallVector<QualType, 1> Allocated;
    if (const auto *New = llvm::dyn_cast<CXXNewExpr>(Mis.Acquire->F->Site))
      Allocated.push_back(New->getAllocatedType());
    QualType Held = A.members()[Mis.Key.Member].Element;
    if (std::optional<std::string> Unsafe = whyDeleteIsUnsafe(
            Held->isPointerType() ? Held->getPointeeType() : QualType(),
            Allocated, Right.ReleasedBy == ReleaseForm::DeleteArray,
            A.record())) {
      WhyNot = std::move(*Unsafe);
      return std::nullopt;
    }
  }
  if (Right.ReleasedBy == ReleaseForm::Call && Right.ReleaseTakesAddress) {
    WhyNot = "the release takes the resource's address";
    return std::nullopt;
  }
  std::optional<ReleaseCall> Call = findRelease(Right, Ctx);
  if (!Call || Right.ReleasedBy == ReleaseForm::Method) {
    WhyNot = "no declaration of " + rightSpelling(Right) + " is visible";
    return std::nullopt;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  if (Call->Function &&
      !SM.isBeforeInTranslationUnit(Call->Function->getLocation(),
                                    Mis.Release->Site->getBeginLoc())) {
    WhyNot = rightSpelling(Right) + " is not declared before the release";
    return std::nullopt;
  }
  const Expr *Operand = releasedOperand(*Mis.Release);
  SourceRange Range = Mis.Release->Site->getSourceRange();
  if (!Operand ||
      !text::allInFile({Range.getBegin(), Range.getEnd(),
                        Operand->getBeginLoc(), Operand->getEndLoc()})) {
    WhyNot = "the release comes from a macro";
    return std::nullopt;
  }
  const Expr *Holder = Operand->IgnoreParenCasts();
  llvm::StringRef HolderText = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Holder->getSourceRange()), SM,
      Ctx.getLangOpts());
  if (HolderText.empty()) {
    WhyNot = "the released expression could not be read";
    return std::nullopt;
  }
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Range),
      releaseExpression(Right, /*Pointee=*/false, HolderText, Call->Spelling));
}

} // namespace

void reportMismatchedReleases(ClangTidyCheck &Check, ClassAnalysis &A,
                              ASTContext &Ctx) {
  for (const MismatchedRelease &Mis : A.mismatchedReleases()) {
    const ResourceFamily &Right = *Mis.Key.Family;
    if (!Right.Reported)
      continue;
    const TrackedMember &M = A.members()[Mis.Key.Member];
    std::string WhyNot;
    std::optional<FixItHint> Fix = fixRelease(A, Mis, Ctx, WhyNot);
    {
      auto Diag = Check.diag(Mis.Release->Site->getBeginLoc(),
                             "%0 %1 is %2 by %3 in constructor %4 but "
                             "released by %5 in %6; it must be %7 by %8");
      Diag << Right.Name << quoted(M) << Right.Acquired
           << Right.acquireSpelling(Mis.Acquire->F->Callee) << Mis.Ctor
           << releaseSpelling(*Mis.Release) << llvm::cast<NamedDecl>(Mis.In)
           << Right.Released << rightSpelling(Right);
      if (Fix)
        Diag << *Fix;
    }
    Check.diag(Mis.Acquire->F->Site->getBeginLoc(), "%0 is %1 here",
               DiagnosticIDs::Note)
        << quoted(M) << Right.Acquired;
    if (!WhyNot.empty())
      Check.diag(Mis.Release->Site->getBeginLoc(), "no fix-it: %0",
                 DiagnosticIDs::Note)
          << WhyNot;
  }
}

} // namespace clang::tidy::raii
