//===--- ClassAnalysis.cpp - raii-tidy ------------------------------------===//

#include "ClassAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::raii {

/// Nested plain aggregates are followed this deep ({a, b, cs}).
static constexpr unsigned MaxMemberDepth = 3;

std::string TrackedMember::spelling() const {
  std::string S;
  for (const FieldDecl *FD : Path) {
    if (FD->isAnonymousStructOrUnion() || !FD->getIdentifier())
      continue;
    if (!S.empty())
      S += '.';
    S += FD->getName();
  }
  return S;
}

llvm::ArrayRef<const ReachedFact *> Closure::factsOf(unsigned Member) const {
  auto It = ByMember.find(Member);
  if (It == ByMember.end())
    return {};
  return It->second;
}

const ReachedFact *Closure::first(FactKind K, unsigned Member) const {
  for (const ReachedFact *R : factsOf(Member))
    if (R->F->Kind == K)
      return R;
  return nullptr;
}

bool Closure::hasUnguarded(FactKind K, unsigned Member) const {
  return llvm::any_of(factsOf(Member), [&](const ReachedFact *R) {
    return R->F->Kind == K && !R->Guarded;
  });
}

struct ClassAnalysis::Summary {
  struct Call {
    const FunctionDecl *Callee; ///< A member function of the class.
    const Stmt *Site;
    bool Guarded;
  };
  std::vector<Fact> Facts;
  std::vector<Call> Calls;
  /// Hands the whole object (`this`, `*this`) to a function outside the
  /// class, such as a friend, which may do anything to its members.
  bool HandsOffThis = false;
};

/// Walks one function body (and a constructor's initializers) in source
/// order, recording facts about tracked members and calls to member
/// functions of the class.
class ClassAnalysis::SummaryBuilder
    : public RecursiveASTVisitor<SummaryBuilder> {
  using Base = RecursiveASTVisitor<SummaryBuilder>;

public:
  SummaryBuilder(ClassAnalysis &A, Summary &S) : A(A), S(S) {}

  // Classes defined inside the body have their own `this`.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseRecordDecl(RecordDecl *) { return true; }
  bool TraverseClassTemplateDecl(ClassTemplateDecl *) { return true; }

  bool TraverseIfStmt(IfStmt *If) {
    if (!TraverseStmt(If->getInit()) ||
        !TraverseStmt(If->getConditionVariableDeclStmt()) ||
        !TraverseStmt(If->getCond()))
      return false;
    return guarded([&] {
      return TraverseStmt(If->getThen()) && TraverseStmt(If->getElse());
    });
  }
  bool TraverseSwitchStmt(SwitchStmt *Switch) {
    if (!TraverseStmt(Switch->getInit()) ||
        !TraverseStmt(Switch->getConditionVariableDeclStmt()) ||
        !TraverseStmt(Switch->getCond()))
      return false;
    return guarded([&] { return TraverseStmt(Switch->getBody()); });
  }
  bool TraverseConditionalOperator(ConditionalOperator *C) {
    if (!TraverseStmt(C->getCond()))
      return false;
    return guarded([&] {
      return TraverseStmt(C->getTrueExpr()) && TraverseStmt(C->getFalseExpr());
    });
  }
  bool TraverseBinaryOperator(BinaryOperator *B) {
    if (!B->isLogicalOp())
      return Base::TraverseBinaryOperator(B);
    if (!TraverseStmt(B->getLHS()))
      return false;
    return guarded([&] { return TraverseStmt(B->getRHS()); });
  }
  bool TraverseCXXCatchStmt(CXXCatchStmt *Catch) {
    return guarded([&] { return Base::TraverseCXXCatchStmt(Catch); });
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *For) {
    if (const VarDecl *Var = For->getLoopVariable())
      if (std::optional<unsigned> M =
              A.memberFor(For->getRangeInit(), false, true, false))
        A.RangeVars[Var] = *M;
    return Base::TraverseCXXForRangeStmt(For);
  }

  bool VisitCXXDeleteExpr(CXXDeleteExpr *Delete) {
    if (std::optional<unsigned> M =
            A.memberFor(Delete->getArgument(), false, false, true))
      add(FactKind::Free, *M, Delete);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    recordMemberCall(Call);
    const FunctionDecl *Callee = Call->getDirectCallee();
    std::optional<unsigned> Consumed;
    if (Callee) {
      if (A.Family.Use.match(*Callee))
        return true;
      if (std::optional<unsigned> Arg = A.Family.Acquire.match(*Callee))
        Consumed = argFact(Call, *Arg, FactKind::Acquire);
      else if ((Arg = A.Family.Release.match(*Callee)))
        Consumed = argFact(Call, *Arg, FactKind::Release);
      else if ((Arg = storageFreeFunctions().match(*Callee)))
        Consumed = argFact(Call, *Arg, FactKind::Free);
    }
    // Any other argument designating a member hands it to someone else.
    for (unsigned I = 0, N = Call->getNumArgs(); I != N; ++I) {
      if (Consumed && *Consumed == I)
        continue;
      if (isThis(Call->getArg(I)) && !isOwnMethod(Callee)) {
        S.HandsOffThis = true;
        continue;
      }
      if (std::optional<unsigned> M = A.designatedMember(Call->getArg(I)))
        add(FactKind::Escape, *M, Call);
    }
    return true;
  }

private:
  template <typename Fn> bool guarded(Fn F) {
    ++GuardDepth;
    bool Result = F();
    --GuardDepth;
    return Result;
  }

  void add(FactKind K, unsigned Member, const Stmt *Site) {
    S.Facts.push_back({K, Member, Site, GuardDepth != 0});
  }

  /// Records a fact for the resource argument; returns its index when the
  /// argument designates a tracked member.
  std::optional<unsigned> argFact(const CallExpr *Call, unsigned Arg,
                                  FactKind K) {
    if (Arg >= Call->getNumArgs())
      return std::nullopt;
    std::optional<unsigned> M = A.designatedMember(Call->getArg(Arg));
    if (!M)
      return std::nullopt;
    add(K, *M, Call);
    return Arg;
  }

  bool isThis(const Expr *E) const {
    if (!E)
      return false;
    E = E->IgnoreParenImpCasts();
    if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_Deref)
        E = UO->getSubExpr()->IgnoreParenImpCasts();
    return llvm::isa<CXXThisExpr>(E);
  }

  bool isOwnMethod(const Decl *D) const {
    if (const auto *FTD = llvm::dyn_cast_or_null<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    const auto *MD = llvm::dyn_cast_or_null<CXXMethodDecl>(D);
    return MD && !MD->isStatic() &&
           MD->getParent()->getCanonicalDecl() == A.RD.getCanonicalDecl();
  }

  void addCall(const Decl *D, const Stmt *Site) {
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    S.Calls.push_back({llvm::cast<FunctionDecl>(D), Site, GuardDepth != 0});
  }

  /// Calls of member functions of this class on `this` are edges of the
  /// class's call graph.
  void recordMemberCall(const CallExpr *Call) {
    const Expr *Callee =
        Call->getCallee() ? Call->getCallee()->IgnoreParenImpCasts() : nullptr;
    // Resolved, or in a template a call the pattern already binds (a plain
    // CallExpr whose callee is a MemberExpr).
    if (const auto *ME = llvm::dyn_cast_or_null<MemberExpr>(Callee)) {
      if (isOwnMethod(ME->getMemberDecl()) && isThis(ME->getBase()))
        addCall(ME->getMemberDecl(), Call);
      return;
    }
    // In a template, a call whose overload is not resolved yet: any
    // candidate may be the one called.
    const auto *UME = llvm::dyn_cast_or_null<UnresolvedMemberExpr>(Callee);
    if (!UME || !(UME->isImplicitAccess() || isThis(UME->getBase())))
      return;
    for (const NamedDecl *D : UME->decls())
      if (isOwnMethod(D->getUnderlyingDecl()))
        addCall(D->getUnderlyingDecl(), Call);
  }

  ClassAnalysis &A;
  Summary &S;
  unsigned GuardDepth = 0;
};

ClassAnalysis::ClassAnalysis(const CXXRecordDecl &RD,
                             const ResourceFamily &Family)
    : RD(RD), Family(Family) {
  llvm::SmallVector<const FieldDecl *, 4> Prefix;
  collectMembers(RD, Prefix, 0);
  for (unsigned I = 0, N = Members.size(); I != N; ++I)
    ByTopLevel[Members[I].topLevel()].push_back(I);
}

ClassAnalysis::~ClassAnalysis() = default;

/// A member of plain aggregate type is part of the class's own state: the
/// class, not the aggregate, acquires and releases what it holds.
static bool isPlainAggregate(const RecordDecl &R) {
  if (R.isAnonymousStructOrUnion())
    return true;
  const auto *CRD = llvm::dyn_cast<CXXRecordDecl>(&R);
  if (!CRD)
    return true;
  return CRD->hasDefinition() && !CRD->hasUserDeclaredConstructor() &&
         !CRD->hasUserDeclaredDestructor();
}

void ClassAnalysis::collectMembers(
    const RecordDecl &R, llvm::SmallVectorImpl<const FieldDecl *> &Prefix,
    unsigned Depth) {
  for (const FieldDecl *FD : R.fields()) {
    if (FD->isInvalidDecl())
      continue;
    QualType T = FD->getType();
    if (T.isNull() || T->isDependentType())
      continue;
    Prefix.push_back(FD);
    TrackedMember M;
    M.Path.assign(Prefix.begin(), Prefix.end());
    if (Family.isResourceType(T)) {
      M.Shape = MemberShape::Object;
      Members.push_back(std::move(M));
    } else if (T->isArrayType()) {
      const Type *Elem = T.getTypePtr();
      unsigned Rank = 0;
      while (const ArrayType *AT = Elem->getAsArrayTypeUnsafe()) {
        Elem = AT->getElementType().getTypePtr();
        ++Rank;
      }
      if (Family.isResourceType(QualType(Elem, 0))) {
        M.Shape = MemberShape::Array;
        M.ArrayRank = Rank;
        Members.push_back(std::move(M));
      }
    } else if (T->isPointerType() &&
               Family.isResourceType(T->getPointeeType())) {
      M.Shape = MemberShape::Pointer;
      Members.push_back(std::move(M));
    } else if (const RecordDecl *Sub = T->getAsRecordDecl()) {
      if (Depth < MaxMemberDepth && Sub->getDefinition() &&
          isPlainAggregate(*Sub->getDefinition()))
        collectMembers(*Sub->getDefinition(), Prefix, Depth + 1);
    }
    Prefix.pop_back();
  }
}

std::optional<unsigned> ClassAnalysis::memberFor(const Expr *E,
                                                 bool AllowObject,
                                                 bool AllowArray,
                                                 bool AllowPointer) const {
  if (!E)
    return std::nullopt;
  llvm::SmallVector<const FieldDecl *, 4> Path;
  E = E->IgnoreParenImpCasts();
  while (true) {
    const auto *ME = llvm::dyn_cast<MemberExpr>(E);
    if (!ME)
      return std::nullopt;
    const auto *FD = llvm::dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD)
      return std::nullopt;
    Path.push_back(FD);
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (const auto *UO = llvm::dyn_cast<UnaryOperator>(Base);
        UO && UO->getOpcode() == UO_Deref)
      Base = UO->getSubExpr()->IgnoreParenImpCasts();
    if (llvm::isa<CXXThisExpr>(Base))
      break;
    if (ME->isArrow())
      return std::nullopt;
    E = Base;
  }
  std::reverse(Path.begin(), Path.end());
  if (Path.empty())
    return std::nullopt;
  auto Candidates = ByTopLevel.find(Path.front());
  if (Candidates == ByTopLevel.end())
    return std::nullopt;
  for (unsigned I : Candidates->second) {
    const TrackedMember &M = Members[I];
    if (!llvm::equal(M.Path, Path))
      continue;
    bool Allowed = (M.Shape == MemberShape::Object && AllowObject) ||
                   (M.Shape == MemberShape::Array && AllowArray) ||
                   (M.Shape == MemberShape::Pointer && AllowPointer);
    return Allowed ? std::optional<unsigned>(I) : std::nullopt;
  }
  return std::nullopt;
}

std::optional<unsigned> ClassAnalysis::designatedMember(const Expr *E) const {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenCasts();
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf) {
    const Expr *Sub = UO->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *ASE = llvm::dyn_cast<ArraySubscriptExpr>(Sub)) {
      // &m[i][j]: down to the array member.
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      while (const auto *Inner = llvm::dyn_cast<ArraySubscriptExpr>(Base))
        Base = Inner->getBase()->IgnoreParenImpCasts();
      return memberFor(Base, false, true, false);
    }
    if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(Sub)) {
      const auto *Var = llvm::dyn_cast<VarDecl>(DRE->getDecl());
      auto It = Var ? RangeVars.find(Var) : RangeVars.end();
      if (It != RangeVars.end())
        return It->second;
      return std::nullopt;
    }
    if (const auto *Deref = llvm::dyn_cast<UnaryOperator>(Sub);
        Deref && Deref->getOpcode() == UO_Deref)
      return memberFor(Deref->getSubExpr(), false, true, true);
    return memberFor(Sub, true, false, false);
  }
  if (const auto *BO = llvm::dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Add) {
    if (std::optional<unsigned> M = memberFor(BO->getLHS(), false, true, false))
      return M;
    return memberFor(BO->getRHS(), false, true, false);
  }
  return memberFor(E, false, true, true);
}

const FunctionDecl *ClassAnalysis::bodyOf(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || Def->isLateTemplateParsed() ||
      Def->isInvalidDecl() || !Def->getBody())
    return nullptr;
  return Def;
}

const ClassAnalysis::Summary *ClassAnalysis::summaryOf(const FunctionDecl *FD) {
  std::unique_ptr<Summary> &Slot = Summaries[FD];
  if (Slot)
    return Slot.get();
  Slot = std::make_unique<Summary>();
  Summary &S = *Slot;
  SummaryBuilder Builder(*this, S);
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(FD)) {
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      Expr *E = Init->getInit();
      if (!E)
        continue;
      if (Init->isWritten())
        Builder.TraverseStmt(E);
      else if (auto *Default = llvm::dyn_cast<CXXDefaultInitExpr>(E))
        Builder.TraverseStmt(Default->getExpr());
    }
    if (Ctor->isDelegatingConstructor())
      if (const CXXConstructorDecl *Target = Ctor->getTargetConstructor())
        S.Calls.push_back({Target, (*Ctor->init_begin())->getInit(), false});
  }
  Builder.TraverseStmt(FD->getBody());
  return Slot.get();
}

llvm::ArrayRef<Fact> ClassAnalysis::localFacts(const FunctionDecl *FD) {
  const FunctionDecl *Def = bodyOf(FD);
  if (!Def)
    return {};
  return summaryOf(Def)->Facts;
}

const Closure *ClassAnalysis::closureOf(const FunctionDecl *FD) {
  const FunctionDecl *Def = bodyOf(FD);
  if (!Def)
    return nullptr;
  std::unique_ptr<Closure> &Slot = Closures[Def];
  if (Slot)
    return Slot.get();
  auto C = std::make_unique<Closure>();
  struct Item {
    const FunctionDecl *F;
    const Stmt *Hop;
    bool Guarded;
  };
  // 1: visited only through guarded calls; 2: visited unguarded. A function
  // is visited at most twice, so the walk is linear in the call graph.
  llvm::DenseMap<const FunctionDecl *, unsigned char> State;
  llvm::SmallVector<Item, 16> Work{{Def, nullptr, false}};
  while (!Work.empty()) {
    Item I = Work.pop_back_val();
    unsigned char Want = I.Guarded ? 1 : 2;
    unsigned char &Seen = State[I.F];
    if (Seen >= Want)
      continue;
    if (Seen == 0)
      C->Visited.push_back(I.F);
    Seen = Want;
    const Summary *S = summaryOf(I.F);
    C->Opaque |= S->HandsOffThis;
    for (const Fact &F : S->Facts)
      C->Facts.push_back({&F, I.F, I.Hop, I.Guarded || F.Guarded});
    // Pushed in reverse so that callees are visited in source order.
    for (const Summary::Call &Call : llvm::reverse(S->Calls)) {
      const FunctionDecl *CalleeDef = bodyOf(Call.Callee);
      if (!CalleeDef) {
        C->Opaque = true;
        continue;
      }
      Work.push_back(
          {CalleeDef, I.Hop ? I.Hop : Call.Site, I.Guarded || Call.Guarded});
    }
  }
  for (const ReachedFact &R : C->Facts)
    C->ByMember[R.F->Member].push_back(&R);
  Slot = std::move(C);
  return Slot.get();
}

llvm::ArrayRef<const FunctionDecl *> ClassAnalysis::definedMethods() {
  if (MethodsComputed)
    return Methods;
  MethodsComputed = true;
  for (const Decl *D : RD.decls()) {
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    const auto *MD = llvm::dyn_cast<CXXMethodDecl>(D);
    if (!MD || MD->isImplicit() || MD->isStatic())
      continue;
    if (const FunctionDecl *Def = bodyOf(MD))
      Methods.push_back(Def);
  }
  return Methods;
}

DestructorInfo ClassAnalysis::destructor() const {
  DestructorInfo Info;
  if (!RD.hasUserDeclaredDestructor())
    return Info;
  // Not RD.getDestructor(): its name lookup finds nothing in a template
  // pattern.
  for (const Decl *D : RD.decls())
    if (const auto *Dtor = llvm::dyn_cast<CXXDestructorDecl>(D)) {
      Info.Decl = Dtor;
      break;
    }
  if (!Info.Decl || Info.Decl->isInvalidDecl()) {
    Info.Kind = DestructorKind::Unavailable;
    return Info;
  }
  if (Info.Decl->isDeleted()) {
    Info.Kind = DestructorKind::Deleted;
    return Info;
  }
  const FunctionDecl *Def = nullptr;
  if (Info.Decl->isDefined(Def) && Def && Def->isExplicitlyDefaulted()) {
    Info.Kind = DestructorKind::Defaulted;
    Info.Def = Def;
    return Info;
  }
  Info.Def = bodyOf(Info.Decl);
  Info.Kind = Info.Def ? DestructorKind::Defined : DestructorKind::Unavailable;
  return Info;
}

Acquires ClassAnalysis::acquires(const CXXConstructorDecl *Ctor,
                                 unsigned Member) {
  const FunctionDecl *Def = nullptr;
  if (Ctor->isDefined(Def) && Def && Def->isExplicitlyDefaulted())
    return Acquires::No;
  const Closure *C = closureOf(Ctor);
  if (!C)
    return Acquires::Unknown;
  if (C->has(FactKind::Acquire, Member))
    return Acquires::Yes;
  if (C->Opaque || C->has(FactKind::Escape, Member))
    return Acquires::Unknown;
  return Acquires::No;
}

std::vector<Leak> ClassAnalysis::leaks() {
  std::vector<Leak> Result;
  DestructorInfo Dtor = destructor();
  if (Dtor.Kind == DestructorKind::Deleted ||
      Dtor.Kind == DestructorKind::Unavailable)
    return Result;
  const Closure *DC =
      Dtor.Kind == DestructorKind::Defined ? closureOf(Dtor.Def) : nullptr;
  llvm::SmallVector<const CXXConstructorDecl *, 4> Ctors =
      userWrittenConstructors(RD);
  for (unsigned M = 0, N = Members.size(); M != N; ++M) {
    Leak L{M, nullptr, nullptr, {}, nullptr};
    for (const CXXConstructorDecl *Ctor : Ctors) {
      if (acquires(Ctor, M) != Acquires::Yes)
        continue;
      L.Ctor = Ctor;
      L.Acquire = closureOf(Ctor)->first(FactKind::Acquire, M);
      break;
    }
    if (!L.Ctor)
      continue; // Never acquired here: borrowed, or acquired elsewhere.
    if (DC && (DC->has(FactKind::Release, M) || DC->Opaque ||
               DC->has(FactKind::Escape, M)))
      continue;
    for (const FunctionDecl *F : definedMethods()) {
      if (DC && llvm::is_contained(DC->Visited, F))
        continue;
      for (const Fact &Fct : localFacts(F))
        if (Fct.Kind == FactKind::Release && Fct.Member == M) {
          L.ReleasedElsewhere.push_back({F, &Fct});
          break;
        }
    }
    for (const CXXConstructorDecl *Ctor : Ctors)
      if (acquires(Ctor, M) != Acquires::Yes) {
        L.NotAcquiringCtor = Ctor;
        break;
      }
    Result.push_back(std::move(L));
  }
  return Result;
}

std::vector<UnacquiredRelease> ClassAnalysis::releasesWithoutAcquire() {
  std::vector<UnacquiredRelease> Result;
  DestructorInfo Dtor = destructor();
  if (Dtor.Kind != DestructorKind::Defined)
    return Result;
  const Closure *DC = closureOf(Dtor.Def);
  llvm::SmallVector<const CXXConstructorDecl *, 4> Ctors =
      userWrittenConstructors(RD);
  for (unsigned M = 0, N = Members.size(); M != N; ++M) {
    const ReachedFact *Release = nullptr;
    for (const ReachedFact *R : DC->factsOf(M))
      if (R->F->Kind == FactKind::Release && !R->Guarded) {
        Release = R;
        break;
      }
    if (!Release)
      continue;
    // Only a class that acquires the member itself owns it.
    if (llvm::none_of(Ctors, [&](const CXXConstructorDecl *C) {
          return acquires(C, M) == Acquires::Yes;
        }))
      continue;
    for (const CXXConstructorDecl *Ctor : Ctors) {
      // A defaulted copy or move copies the resource instead: a different
      // bug (copying an owner), not an uninitialised one.
      if (Ctor->isCopyOrMoveConstructor() && Ctor->isExplicitlyDefaulted())
        continue;
      if (acquires(Ctor, M) == Acquires::No)
        Result.push_back({M, Ctor, Release});
    }
  }
  return Result;
}

llvm::SmallVector<const CXXConstructorDecl *, 4>
userWrittenConstructors(const CXXRecordDecl &RD) {
  llvm::SmallVector<const CXXConstructorDecl *, 4> Result;
  for (const Decl *D : RD.decls()) {
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(D);
    if (!Ctor || Ctor->isImplicit() || Ctor->isDeleted() ||
        Ctor->isInvalidDecl())
      continue;
    // Declared private and never defined: the C++03 way to forbid copies.
    // It never runs.
    if (Ctor->getAccess() == AS_private && !Ctor->isDefined())
      continue;
    Result.push_back(Ctor);
  }
  return Result;
}

} // namespace clang::tidy::raii
