//===--- FixPlanner.cpp - raii-tidy ---------------------------------------===//
//
// Do not propose a fix-it when:
//
//  1. The translation unit has errors: invalid code never receives a fix-it,
//     and no note either (the errors come first).
//  2. The finding is not the check's to fix alone: a family the check does
//     not report (held only to keep its fixes back), or a resource that
//     another member function releases (a note says where).
//  3. The release would not run on exactly the objects that hold the
//     resource: a constructor leaves the member unacquired or stores what it
//     is given; a closing method may run without the opening one, or twice;
//     an opening method or DllMain's attach branch may return first.
//  4. The release would go through freed memory: what a member points to is
//     still held, unreleased, when the member itself would be freed.
//  5. `delete` may be wrong for what was allocated: a `void *`, an
//     incomplete type, a destructor the class cannot call, a base without a
//     virtual destructor, or an array deleted through another type.
//  6. No release function is declared in the translation unit before the
//     place the text goes.
//  7. The text cannot be written: a multi-dimensional array, a release
//     spelled through a macro, a release by `delete` or a method for a
//     variable, a release that must not get the null the holder may have.
//  8. The place cannot be edited safely (FixWriter: a macro, a
//     function-try-block, an early `return`).
//  9. Copies: the class is copied or moved in this translation unit (for a
//     release in the destructor: by an implicit or defaulted copy, or an
//     implicit move a new destructor would turn into a copy; the release
//     would run for each copy), or a copy operation is defaulted outside the
//     class; or a destructor the fix
//     declares would leave the class neither copyable nor movable.
//
// 10. Whole program: an acquisition known only from the project facts (in
//     another translation unit) when the release needs what the call was
//     given (its arguments, a cast, the type `new` allocated, whether it can
//     fail and leave the member unset); a destructor defined in another
//     translation unit whose end cannot take the text (FixWriter); for
//     copies, a class the project facts say is copied (9).
//
// Preconditions that depend on where the text goes (6's "declared before",
// 4's "before the statement freeing the storage", 8, 9's new destructor) are
// tested by FixWriter as it finds the place; the rest here. DllMain's detach
// case is found by GlobalLifetime, which says why when there is none (8).
//
// The numbers are quoted next to each test below.
//
//===----------------------------------------------------------------------===//

#include "FixPlanner.h"
#include "Debug.h"
#include "FixWriter.h"
#include "ProjectFacts.h"
#include "ReleaseArguments.h"
#include "SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::raii {

namespace {

/// Precondition 1.
bool hasErrors(const ASTContext &Ctx) {
  return Ctx.getDiagnostics().hasUncompilableErrorOccurred();
}

/// True if \p Owner may call the destructor of \p RD: \p RD itself, or a
/// friend of it.
bool isFriendOf(const CXXRecordDecl &Owner, const CXXRecordDecl &RD) {
  if (Owner.getCanonicalDecl() == RD.getCanonicalDecl())
    return true;
  for (const FriendDecl *F : RD.friends())
    if (const TypeSourceInfo *T = F->getFriendType())
      if (const CXXRecordDecl *Friend = T->getType()->getAsCXXRecordDecl();
          Friend && Friend->getCanonicalDecl() == Owner.getCanonicalDecl())
        return true;
  return false;
}

/// Why `delete` (\p Array: `delete[]`) of a pointer to \p Pointee, written
/// in a member function of \p Owner, could be wrong, given the types the
/// constructors allocate (\p Allocated); std::nullopt when it is right.
std::optional<std::string> whyDeleteIsUnsafe(QualType Pointee,
                                             llvm::ArrayRef<QualType> Allocated,
                                             bool Array,
                                             const CXXRecordDecl &Owner) {
  const ASTContext &Ctx = Owner.getASTContext();
  PrintingPolicy Policy(Ctx.getLangOpts());
  auto Name = [&](QualType T) {
    return "'" + T.getUnqualifiedType().getAsString(Policy) + "'";
  };
  if (Pointee.isNull() || Pointee->isVoidType())
    return std::string("deleting a 'void *' is undefined");
  if (Pointee->isDependentType())
    for (QualType A : Allocated)
      if (!Ctx.hasSameUnqualifiedType(A, Pointee))
        return Name(A) + " is allocated and deleted through a pointer to " +
               Name(Pointee);
  if (!Pointee->isDependentType() && Pointee->isIncompleteType())
    return Name(Pointee) + " is an incomplete type";
  const CXXRecordDecl *RD = Pointee->getAsCXXRecordDecl();
  if (RD && RD->hasDefinition()) {
    RD = RD->getDefinition();
    if (const CXXDestructorDecl *D = RD->getDestructor()) {
      if (D->isDeleted())
        return "the destructor of " + Name(Pointee) + " is deleted";
      if (D->getAccess() != AS_public && !isFriendOf(Owner, *RD))
        return "the destructor of " + Name(Pointee) + " is " +
               (D->getAccess() == AS_protected ? "protected" : "private");
    }
  }
  for (QualType A : Allocated) {
    if (A.isNull() || Ctx.hasSameUnqualifiedType(A, Pointee))
      continue;
    if (Array)
      return "an array of " + Name(A) + " would be deleted through a " +
             "pointer to " + Name(Pointee);
    const CXXDestructorDecl *D = RD ? RD->getDestructor() : nullptr;
    if (!D || !D->isVirtual())
      return Name(Pointee) +
             " has no virtual destructor and the object "
             "allocated is a " +
             Name(A);
  }
  return std::nullopt;
}

bool releasedByDelete(const ResourceFamily &Family) {
  return Family.ReleasedBy == ReleaseForm::Delete ||
         Family.ReleasedBy == ReleaseForm::DeleteArray;
}

/// Precondition 5 for \p Family's release of \p Key's resource, which
/// \p Allocated was allocated as.
std::optional<std::string>
whyReleaseIsUnsafe(ClassAnalysis &A, const ResourceKey &Key,
                   const ResourceFamily &Family,
                   llvm::ArrayRef<QualType> Allocated) {
  if (!releasedByDelete(Family))
    return std::nullopt;
  const TrackedMember &M = A.members()[Key.Member];
  if (Key.Pointee || !M.Element->isPointerType())
    return std::string("the member is not a pointer");
  return whyDeleteIsUnsafe(M.Element->getPointeeType(), Allocated,
                           Family.ReleasedBy == ReleaseForm::DeleteArray,
                           A.record());
}

/// The type a new-expression allocates at \p R, if it is one.
void addAllocated(const Fact &F, llvm::SmallVectorImpl<QualType> &Allocated) {
  if (const auto *New = llvm::dyn_cast_or_null<CXXNewExpr>(F.Site))
    Allocated.push_back(New->getAllocatedType());
}

/// Preconditions 6 and 7: the release of \p Family, or none with \p Why
/// set. A release template that says only "anything" for an argument
/// (`lib::Close(*, _)`) cannot be written.
std::optional<ReleaseCall> visibleRelease(const ResourceFamily &Family,
                                          ASTContext &Ctx, std::string &Why) {
  if (Family.ReleasedBy == ReleaseForm::Call &&
      llvm::is_contained(Family.releaseArguments(), "*")) {
    Why = "the release pattern does not say what to pass for '*'"; // 7
    return std::nullopt;
  }
  std::optional<ReleaseCall> Release = findRelease(Family, Ctx);
  if (!Release)
    Why = "no declaration of a release function (" +
          Family.Release.serialize() + ") is visible";
  return Release;
}

/// Precondition 7 for a member: the statement releasing \p Key's resource
/// acquired by \p Acquires, or none with \p Why set.
std::optional<ReleaseStatement>
statementFor(ClassAnalysis &A, const ResourceKey &Key,
             llvm::ArrayRef<const Fact *> Acquires, ASTContext &Ctx,
             std::string &Why) {
  std::optional<ReleaseCall> Release = visibleRelease(*Key.Family, Ctx, Why);
  if (!Release)
    return std::nullopt;
  llvm::SmallVector<const FieldDecl *, 1> Reads;
  std::optional<std::vector<std::string>> Args =
      releaseArgumentsFrom(*Key.Family, Acquires, A.record(), Ctx, Why, Reads);
  if (!Args)
    return std::nullopt;
  membersReadBy(Acquires, Reads);
  std::optional<std::string> Text =
      releaseStatement(A.members()[Key.Member], Key, Acquires.front()->CastType,
                       *Release, *Args, Ctx.getLangOpts(), Why);
  if (!Text)
    return std::nullopt;
  return ReleaseStatement{Key, std::move(*Text), Release->Function,
                          std::move(Reads)};
}

/// The facts of the constructors of \p A that acquire \p Key.
llvm::SmallVector<const Fact *, 2> acquisitionsOf(ClassAnalysis &A,
                                                  const ResourceKey &Key) {
  llvm::SmallVector<const Fact *, 2> Facts;
  for (const CXXConstructorDecl *Ctor : A.constructors())
    if (const Closure *C = A.closureOf(Ctor))
      for (const ReachedFact *R : C->factsOf(Key.Member))
        if (R->F->Kind == FactKind::Acquire && R->F->Key == Key &&
            !llvm::is_contained(Facts, R->F))
          Facts.push_back(R->F);
  return Facts;
}

/// Precondition 10 for the acquisitions of \p L known only from the project
/// facts: they say which member and family, and what a release needs to
/// know of the call when it needs something.
std::optional<std::string> whyStoredAcquisitionIsUnusable(ClassAnalysis &A,
                                                          const Leak &L) {
  const ResourceFamily &Family = *L.Key.Family;
  const TrackedMember &M = A.members()[L.Key.Member];
  for (const Fact *F : acquisitionsOf(A, L.Key)) {
    const StoredFact *S = F->Stored;
    if (!S)
      continue;
    std::string Why =
        "'" + M.spelling() + "' is " + Family.Acquired +
        " in another translation unit (" +
        describePlace(S->Place, A.record().getASTContext().getSourceManager()) +
        ")";
    if (!Family.releaseNeedsAcquireArgs().empty())
      return Why + ", and the release needs the values the call was given";
    if (!S->Cast.empty())
      return Why + " through a cast to '" + S->Cast + "'";
    if (S->UnsetOnFailure)
      return Why + " by a call that leaves it unset when it fails";
    if (releasedByDelete(Family) && !L.Key.Pointee &&
        M.Element->isPointerType() &&
        S->Allocated != M.Element->getPointeeType()
                            .getCanonicalType()
                            .getUnqualifiedType()
                            .getAsString())
      return Why + " as a '" + S->Allocated + "'";
  }
  return std::nullopt;
}

/// Precondition 9 for a release in the destructor: why copies of the class
/// would each run it (an implicit or defaulted copy, or an implicit move
/// that declaring a destructor turns into a copy, in this translation unit
/// or, by the project facts, another), or std::nullopt.
std::optional<std::string> whyCopiesForbidRelease(ClassAnalysis &A) {
  const CXXRecordDecl &RD = A.record();
  std::string Name = "'" + RD.getNameAsString() + "'";
  std::string Twice = ": a release in the destructor would run for the "
                      "copy too";
  std::string Moved = ", by an implicit move that a new destructor would "
                      "turn into a copy";
  CopyOperation Ctor = copyConstructor(RD), Assign = copyAssignment(RD);
  bool Declares = A.destructor().Kind == DestructorKind::Implicit;
  if (instantiationCopied(RD))
    return Name + " is copied in this translation unit" + Twice;
  // The project facts hold this translation unit's copies too: with them,
  // every translation unit says the same.
  if (ProjectView *Project = A.callees().project()) {
    std::optional<std::vector<StoredCopy>> Copies = Project->copiesOf(RD);
    if (!Copies)
      return Name + " may be copied: the project facts of a file that "
                    "copies it are out of date";
    const SourceManager &SM = RD.getASTContext().getSourceManager();
    for (const StoredCopy &C : *Copies) {
      if (C.isMove() && Declares)
        return Name + " is moved in " + describePlace(C.Place, SM) + Moved;
      if (!C.isMove() &&
          (C.Operation == "copy assignment" ? Assign : Ctor).Kind !=
              CopyKind::Safe)
        return Name + " is copied in " + describePlace(C.Place, SM) + Twice;
    }
    return std::nullopt;
  }
  if ((Ctor.Kind != CopyKind::Safe && Ctor.Used) ||
      (Assign.Kind != CopyKind::Safe && Assign.Used))
    return Name + " is copied in this translation unit" + Twice;
  if (Declares && implicitMoveUsed(RD))
    return Name + " is moved in this translation unit" + Moved;
  return std::nullopt;
}

/// Why the destructor may not release \p L (preconditions 2 to 5, 10), or
/// "".
std::string whyNotInDestructor(ClassAnalysis &A, const Leak &L,
                               llvm::ArrayRef<Leak> Leaks) {
  const ResourceFamily &Family = *L.Key.Family;
  // 10. What a member function does is unknown where its facts are out of
  // date: it may release the resource.
  if (const FunctionDecl *Stale = A.staleMethod())
    return "the project facts of '" + Stale->getQualifiedNameAsString() +
           "' are out of date";
  // 4. Freeing the member while what it points to is still acquired (and
  // not released by this fix) would release that through freed memory.
  if (const Leak *Inner = llvm::find_if(Leaks,
                                        [&](const Leak &O) {
                                          return O.Key.Member == L.Key.Member &&
                                                 O.Key.Pointee &&
                                                 !L.Key.Pointee &&
                                                 !O.Key.Family->Reported;
                                        });
      Inner != Leaks.end())
    return "what '" + A.members()[L.Key.Member].spelling() +
           "' points to is still " + Inner->Key.Family->Acquired +
           "; release it first";
  // 3.
  if (L.NotAcquiringCtor)
    return "constructor '" + L.NotAcquiringCtor->getNameAsString() +
           (L.NotAcquiringLeaves == CtorLeaves::Adopted
                ? "' stores what it is given, which it may not own"
                : "' leaves it un" + Family.Acquired);
  // 3. An out-parameter left as it was by a failed acquisition holds
  // whatever the member held before: the release must be able to tell.
  if (Family.failureLeavesUnset(L.Acquire->F->Callee)) {
    std::string Member = "'" + A.members()[L.Key.Member].spelling() + "'";
    std::string Why = Family.acquireSpelling(L.Acquire->F->Callee) +
                      " leaves " + Member + " unset when it fails";
    if (!Family.ReleaseNeedsNonNull && !Family.ReleaseAcceptsNull)
      return Why + ", and the destructor cannot tell";
    for (const CXXConstructorDecl *Ctor : A.constructors())
      if (const Closure *C = A.closureOf(Ctor)) {
        bool Null = false;
        for (const ReachedFact *R : C->factsOf(L.Key.Member)) {
          if (R->F->Kind == FactKind::Null && !R->Guarded)
            Null = true;
          if (R->F->Kind == FactKind::Acquire && R->F->Key == L.Key && !Null)
            return Why + "; set it to null before " +
                   Family.acquireSpelling(R->F->Callee) + " in constructor '" +
                   Ctor->getNameAsString() + "'";
        }
      }
  }
  // 10.
  if (std::optional<std::string> Why = whyStoredAcquisitionIsUnusable(A, L))
    return *Why;
  // 5.
  llvm::SmallVector<QualType, 2> Allocated;
  for (const Fact *F : acquisitionsOf(A, L.Key))
    addAllocated(*F, Allocated);
  if (std::optional<std::string> Unsafe =
          whyReleaseIsUnsafe(A, L.Key, Family, Allocated))
    return *Unsafe;
  return "";
}

} // namespace

DestructorFixPlan planDestructorFix(ClassAnalysis &A,
                                    llvm::ArrayRef<Leak> Leaks,
                                    ASTContext &Ctx) {
  DestructorFixPlan Plan;
  Plan.WhyNot.resize(Leaks.size());
  if (hasErrors(Ctx)) // 1
    return Plan;
  // 9 (and 10: copies in other translation units).
  std::optional<std::string> Copied = whyCopiesForbidRelease(A);
  std::vector<ReleaseStatement> Stmts;
  llvm::SmallVector<size_t, 4> StmtLeak;
  for (size_t I = 0; I != Leaks.size(); ++I) {
    const Leak &L = Leaks[I];
    std::string &Why = Plan.WhyNot[I];
    if (!L.Key.Family->Reported || !L.ReleasedElsewhere.empty())
      continue; // 2
    if (Copied) {
      Why = *Copied;
      continue;
    }
    Why = whyNotInDestructor(A, L, Leaks);
    if (!Why.empty())
      continue;
    llvm::SmallVector<const Fact *, 2> Acquires = acquisitionsOf(A, L.Key);
    if (Acquires.empty())
      Acquires.push_back(L.Acquire->F);
    std::optional<ReleaseStatement> S =
        statementFor(A, L.Key, Acquires, Ctx, Why); // 6, 7
    if (!S)
      continue;
    Stmts.push_back(std::move(*S));
    StmtLeak.push_back(I);
  }
  if (Stmts.empty())
    return Plan;
  // A release that reads another member (`HeapFree(m_heap, 0, m_p)`), or
  // whose resource was made from one (`InternetConnect(m_session, ..)`),
  // runs before that member's own release.
  llvm::ArrayRef<TrackedMember> Members = A.members();
  auto ReadsReleased = [&](const ReleaseStatement &S) {
    return llvm::any_of(Stmts, [&](const ReleaseStatement &O) {
      return &O != &S &&
             llvm::is_contained(S.Reads, Members[O.Key.Member].topLevel());
    });
  };
  llvm::SmallVector<bool, 4> First;
  for (const ReleaseStatement &S : Stmts)
    First.push_back(ReadsReleased(S));
  std::vector<ReleaseStatement> Ordered;
  for (bool Pass : {true, false})
    for (size_t I = 0; I != Stmts.size(); ++I)
      if (First[I] == Pass)
        Ordered.push_back(Stmts[I]);
  Stmts = std::move(Ordered);
  std::string WhyNot;
  // ATL runs FinalRelease() before the destructor, with the object whole.
  std::optional<ReleaseWriter> Writer;
  if (const FunctionDecl *FinalRelease = A.finalRelease())
    Writer.emplace(A, Ctx, *FinalRelease);
  else
    Writer.emplace(A, Ctx);
  Plan.Fixes = Writer->write(Stmts, WhyNot); // 8
  for (size_t I : StmtLeak) {
    if (Plan.Fixes.empty())
      Plan.WhyNot[I] = WhyNot;
    else
      Plan.Fixed.push_back(Leaks[I].Key);
  }
  RAII_DEBUG("raii-fix", {
    for (size_t I = 0; I != Leaks.size(); ++I)
      llvm::dbgs() << "raii-fix: " << A.record().getQualifiedNameAsString()
                   << "::" << A.members()[Leaks[I].Key.Member].spelling()
                   << " (" << Leaks[I].Key.Family->Id << "): "
                   << (llvm::is_contained(Plan.Fixed, Leaks[I].Key)
                           ? std::string("released in the destructor")
                           : "no fix-it: " + Plan.WhyNot[I])
                   << "\n";
  });
  return Plan;
}

FixPlan planClosingFix(ClassAnalysis &A, const LifecycleLeak &L,
                       ASTContext &Ctx) {
  FixPlan Plan;
  if (hasErrors(Ctx)) // 1
    return Plan;
  std::string &Why = Plan.WhyNot;
  const ResourceFamily &Family = *L.Key.Family;
  std::string Open = "'" + L.Open->getNameAsString() + "'";
  // 3.
  if (L.Pair->Close.empty()) {
    Why = "the destructor may run without " + Open;
    return Plan;
  }
  std::string Close = "'" + L.Pair->Close + "'";
  if (!L.Close) {
    Why = "class '" + A.record().getNameAsString() + "' has no " + Close;
    return Plan;
  }
  if (!L.Pair->Once) {
    Why = Close + " may run without " + Open + ", or more than once";
    return Plan;
  }
  if (!acquiredUnconditionally(*L.Open, *L.Acquire)) {
    Why = Open + " may return before '" + A.members()[L.Key.Member].spelling() +
          "' is " + Family.Acquired;
    return Plan;
  }
  // 5.
  llvm::SmallVector<QualType, 1> Allocated;
  addAllocated(*L.Acquire->F, Allocated);
  if (std::optional<std::string> Unsafe =
          whyReleaseIsUnsafe(A, L.Key, Family, Allocated)) {
    Why = std::move(*Unsafe);
    return Plan;
  }
  // 6, 7.
  std::optional<ReleaseStatement> S =
      statementFor(A, L.Key, {L.Acquire->F}, Ctx, Why);
  if (!S)
    return Plan;
  ReleaseWriter Writer(A, Ctx, *L.CloseDef);
  Plan.Fixes = Writer.write({*S}, Why); // 8
  return Plan;
}

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

} // namespace

FixPlan planDetachFix(const GlobalLeak &L, ASTContext &Ctx) {
  FixPlan Plan;
  if (hasErrors(Ctx)) // 1
    return Plan;
  std::string &Why = Plan.WhyNot;
  const SourceManager &SM = Ctx.getSourceManager();
  const ResourceFamily &Family = *L.Family;
  // 3.
  if (L.Pair) {
    Why = L.CloseDef
              ? "'" + L.CloseDef->getNameAsString() + "' may run without '" +
                    L.Entry->getNameAsString() + "', or more than once"
              : "there is no '" + L.Pair->Close + "'";
    return Plan;
  }
  if (!L.Unconditional) {
    Why = "the DLL_PROCESS_ATTACH branch may not reach it, and "
          "DLL_PROCESS_DETACH runs after a failed attach too";
    return Plan;
  }
  if (!L.DetachStmt) { // 8
    Why = std::string(L.NoDetach);
    return Plan;
  }
  if (Family.ReleasedBy != ReleaseForm::Call) { // 7
    // `delete` needs what was allocated and who may destroy it; a method
    // release needs the object: written for members only.
    Why = "a release by 'delete' or by a method is not written for a "
          "variable";
    return Plan;
  }
  if (!Family.releaseNeedsAcquireArgs().empty()) { // 7
    Why = releaseSpelling(Family) +
          " needs an argument of the acquisition, which is not written for a "
          "variable";
    return Plan;
  }
  std::optional<ReleaseCall> Release = visibleRelease(Family, Ctx, Why); // 6
  if (!Release)
    return Plan;
  SourceLocation Loc = L.DetachStmt->getBeginLoc();
  if (!text::allInFile({Loc}) ||
      (Release->Function &&
       llvm::none_of(Release->Function->redecls(), [&](const FunctionDecl *D) {
         return SM.isBeforeInTranslationUnit(D->getLocation(), Loc);
       }))) { // 6, 8
    Why = "the DLL_PROCESS_DETACH case comes from a macro, or the release "
          "function is declared after it";
    return Plan;
  }
  // 7. The variable as the attach branch names it (`g_cs`, `Module::s_cs`),
  // which the detach case of the same switch can name the same way.
  std::string Holder = variableSpelling(*L.Site, *L.Var, SM, Ctx.getLangOpts());
  if (Holder.empty()) {
    Why = "the variable is named through a macro";
    return Plan;
  }
  std::string Text = guardedRelease(
      Family, Holder,
      releaseExpression(Family, L.Pointee, Holder, Release->Spelling));
  llvm::StringRef Indent = text::lineIndent(Loc, SM);
  Plan.Fixes.push_back(FixItHint::CreateInsertion(
      Loc, Text + text::lineEnding(Loc, SM).str() + Indent.str()));
  return Plan;
}

std::string releaseSpelling(const ResourceFamily &Family) {
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

namespace {

/// The expression the wrong release gives the resource to: the argument of
/// `delete`, or the call's argument at the release's index.
const Expr *releasedOperand(const Fact &Release) {
  if (const auto *Delete = llvm::dyn_cast_or_null<CXXDeleteExpr>(Release.Site))
    return Delete->getArgument();
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(Release.Site);
  if (!Call || !Release.Callee || llvm::isa<CXXMemberCallExpr>(Call))
    return nullptr;
  const ResourceFamily &Wrong = *Release.Key.Family;
  std::optional<unsigned> Arg = Wrong.Release.match(*Release.Callee);
  if (!Arg || *Arg >= Call->getNumArgs())
    return nullptr;
  return Call->getArg(*Arg);
}

} // namespace

FixPlan planReleaseReplacement(ClassAnalysis &A, const MismatchedRelease &Mis,
                               ASTContext &Ctx) {
  FixPlan Plan;
  if (hasErrors(Ctx)) // 1
    return Plan;
  std::string &WhyNot = Plan.WhyNot;
  const ResourceFamily &Right = *Mis.Key.Family;
  if (Right.ReleaseNeedsNonNull) { // 7
    WhyNot = releaseSpelling(Right) + " must not be given " +
             (Right.InvalidValue.empty() ? std::string("a null value")
                                         : "'" + Right.InvalidValue + "'");
    return Plan;
  }
  if (!Right.releaseNeedsAcquireArgs().empty()) { // 7
    WhyNot = releaseSpelling(Right) + " needs an argument of the acquisition";
    return Plan;
  }
  if (releasedByDelete(Right)) { // 5
    llvm::SmallVector<QualType, 1> Allocated;
    addAllocated(*Mis.Acquire->F, Allocated);
    QualType Held = A.members()[Mis.Key.Member].Element;
    if (std::optional<std::string> Unsafe = whyDeleteIsUnsafe(
            Held->isPointerType() ? Held->getPointeeType() : QualType(),
            Allocated, Right.ReleasedBy == ReleaseForm::DeleteArray,
            A.record())) {
      WhyNot = std::move(*Unsafe);
      return Plan;
    }
  }
  if (Right.ReleasedBy == ReleaseForm::Call && Right.ReleaseTakesAddress) {
    WhyNot = "the release takes the resource's address"; // 7
    return Plan;
  }
  // 6. (The release replaced is a call or `delete`: its replacement names
  // the function it calls.)
  std::string NotVisible;
  std::optional<ReleaseCall> Call = visibleRelease(Right, Ctx, NotVisible);
  if (Call && Right.ReleasedBy == ReleaseForm::Method)
    Call.reset();
  if (!Call) {
    WhyNot =
        llvm::is_contained(Right.releaseArguments(), "*")
            ? NotVisible
            : "no declaration of " + releaseSpelling(Right) + " is visible";
    return Plan;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  if (Call->Function &&
      !SM.isBeforeInTranslationUnit(Call->Function->getLocation(),
                                    Mis.Release->Site->getBeginLoc())) {
    WhyNot = releaseSpelling(Right) + " is not declared before the release";
    return Plan;
  }
  // 7.
  const Expr *Operand = releasedOperand(*Mis.Release);
  SourceRange Range = Mis.Release->Site->getSourceRange();
  if (!Operand ||
      !text::allInFile({Range.getBegin(), Range.getEnd(),
                        Operand->getBeginLoc(), Operand->getEndLoc()})) {
    WhyNot = "the release comes from a macro";
    return Plan;
  }
  const Expr *Holder = Operand->IgnoreParenCasts();
  llvm::StringRef HolderText = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Holder->getSourceRange()), SM,
      Ctx.getLangOpts());
  if (HolderText.empty()) {
    WhyNot = "the released expression could not be read";
    return Plan;
  }
  Plan.Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Range),
      releaseExpression(Right, /*Pointee=*/false, HolderText, Call->Spelling)));
  return Plan;
}

static std::vector<FixItHint> deleteCopies(const CXXRecordDecl &RD,
                                           const CopyOperation &Ctor,
                                           const CopyOperation &Assign,
                                           ASTContext &Ctx,
                                           std::string &WhyNot) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = RD.getNameAsString();
  std::vector<FixItHint> Fixes;
  std::vector<std::string> Declare;
  for (const auto &[Op, Text] :
       {std::pair{&Ctor, Name + "(const " + Name + " &) = delete;"},
        std::pair{&Assign,
                  Name + " &operator=(const " + Name + " &) = delete;"}}) {
    if (Op->Kind == CopyKind::Implicit)
      Declare.push_back(Text);
    if (Op->Kind != CopyKind::Defaulted)
      continue;
    SourceLocation Default = text::findToken(
        Op->Decl->getLocation(), tok::kw_default, SM, Ctx.getLangOpts());
    if (!Op->Decl->isExplicitlyDefaulted() || !text::allInFile({Default})) {
      WhyNot = "it is defaulted outside the class"; // 9
      return {};
    }
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Default), "delete"));
  }
  if (Ctor.Used || Assign.Used || implicitMoveUsed(RD) ||
      instantiationCopied(RD)) {
    WhyNot = "'" + Name + "' is copied or moved in this translation unit"; // 9
    return {};
  }
  if (Declare.empty())
    return Fixes;
  MemberPlacement Place(RD, Ctx);
  if (!Place.valid()) {
    WhyNot = "the class body comes from a macro"; // 8
    return {};
  }
  std::string Text = Declare.front();
  for (size_t I = 1; I != Declare.size(); ++I)
    Text += Place.eol().str() + Place.indent().str() + Declare[I];
  Fixes.push_back(Place.insertion(Text));
  return Fixes;
}

FixPlan planCopyDeletion(const CXXRecordDecl &RD, const CopyOperation &Ctor,
                         const CopyOperation &Assign, ASTContext &Ctx) {
  FixPlan Plan;
  if (!hasErrors(Ctx)) // 1
    Plan.Fixes = deleteCopies(RD, Ctor, Assign, Ctx, Plan.WhyNot);
  return Plan;
}

} // namespace clang::tidy::raii
