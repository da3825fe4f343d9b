//===--- ClassAnalysis.cpp - raii-tidy ------------------------------------===//

#include "ClassAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

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

const ReachedFact *Closure::first(FactKind K, const ResourceKey &Key) const {
  for (const ReachedFact *R : factsOf(Key.Member))
    if (R->F->Kind == K && R->F->Key == Key && !R->Deferred)
      return R;
  return nullptr;
}

bool Closure::escapes(unsigned Member, bool OnCompletion) const {
  return llvm::any_of(factsOf(Member), [&](const ReachedFact *R) {
    if (OnCompletion && R->F->ExitPath)
      return false;
    if (R->F->Kind == FactKind::Escape)
      return true;
    // Whatever a lambda or an indirect call may do to it.
    return R->Deferred && R->F->Kind != FactKind::Acquire &&
           R->F->Kind != FactKind::Null;
  });
}

bool Closure::frees(unsigned Member) const {
  return llvm::any_of(factsOf(Member), [](const ReachedFact *R) {
    return R->F->Kind == FactKind::Free && !R->Deferred;
  });
}

/// One thing in a function body that some resource model may care about.
struct ClassBodies::Event {
  enum Kind : unsigned char {
    Call,        ///< A CallExpr (also member and operator calls).
    Assign,      ///< A BinaryOperator `=`.
    Delete,      ///< A CXXDeleteExpr.
    VarInit,     ///< A VarDecl with an initializer.
    FunctionRef, ///< A DeclRefExpr to a function, not as a call's callee.
    RangeFor,    ///< A CXXForRangeStmt, before its loop variable.
    MemberInit,  ///< A CXXCtorInitializer, with Init its expression.
    Broken,      ///< A RecoveryExpr: code that does not compile.
  };
  Kind K;
  bool Guarded;  ///< Inside an if, ?:, &&, ||, switch or catch.
  bool ExitPath; ///< On a branch that leaves the function.
  bool Deferred; ///< Inside a lambda.
  const void *Node;
  const Expr *Init = nullptr;
};

struct ClassBodies::Walk {
  /// In source order: the order in which facts are reached.
  llvm::SmallVector<Event, 8> Events;
  llvm::SmallVector<MethodCall, 2> Calls;
  /// Has a new-expression, a new[]-expression.
  bool HasNew = false, HasNewArray = false;
  /// Calls through a function pointer, a pointer to member function or a
  /// callable object: any method whose address the class takes may run.
  bool IndirectCall = false;
  /// Member functions of the class whose address it takes.
  llvm::SmallVector<const FunctionDecl *, 1> AddressTaken;
};

struct ClassAnalysis::Summary {
  llvm::SmallVector<Fact, 4> Facts;
  llvm::ArrayRef<MethodCall> Calls;
  bool IndirectCall = false;
  /// Hands the whole object (`this`, `*this`) to a function outside the
  /// class, such as a friend, which may do anything to its members.
  bool HandsOffThis = false;
  /// Families whose release function this body refers to without calling
  /// it (its address is taken).
  llvm::SmallVector<const ResourceFamily *, 1> ReleaseAddressTaken;
};

namespace {

/// \p E without parentheses, casts, cleanups and single-element braces.
const Expr *stripped(const Expr *E) {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *EWC = llvm::dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *ILE = llvm::dyn_cast<InitListExpr>(E);
             ILE && ILE->getNumInits() == 1)
      E = ILE->getInit(0);
    else if (const auto *PLE = llvm::dyn_cast<ParenListExpr>(E);
             PLE && PLE->getNumExprs() == 1)
      E = PLE->getExpr(0);
    else
      return E;
  }
  return E;
}

bool isThis(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_Deref)
      E = UO->getSubExpr()->IgnoreParenImpCasts();
  return llvm::isa<CXXThisExpr>(E);
}

/// True if \p D is a non-static member function of \p RD, or with
/// \p MostDerived, of that class or one of its bases.
bool isOwnMethod(const Decl *D, const CXXRecordDecl &RD,
                 const CXXRecordDecl *MostDerived = nullptr) {
  if (const auto *FTD = llvm::dyn_cast_or_null<FunctionTemplateDecl>(D))
    D = FTD->getTemplatedDecl();
  const auto *MD = llvm::dyn_cast_or_null<CXXMethodDecl>(D);
  if (!MD || MD->isStatic())
    return false;
  const CXXRecordDecl *Parent = MD->getParent()->getCanonicalDecl();
  if (Parent == RD.getCanonicalDecl())
    return true;
  return MostDerived && (Parent == MostDerived->getCanonicalDecl() ||
                         (MostDerived->hasDefinition() &&
                          MostDerived->isDerivedFrom(MD->getParent())));
}

} // namespace

/// Walks one function body (and a constructor's initializers) in source
/// order, recording the events any model may care about and the calls to
/// member functions of the class. It knows nothing of resources.
class ClassBodies::Walker : public RecursiveASTVisitor<Walker> {
  using Base = RecursiveASTVisitor<Walker>;

public:
  Walker(const CXXRecordDecl &RD, const CXXRecordDecl *MostDerived, Walk &W)
      : RD(RD), MostDerived(MostDerived), W(W) {}

  // Classes defined inside the body have their own `this`.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseRecordDecl(RecordDecl *) { return true; }
  bool TraverseClassTemplateDecl(ClassTemplateDecl *) { return true; }

  bool TraverseIfStmt(IfStmt *If) {
    if (!TraverseStmt(If->getInit()) ||
        !TraverseStmt(If->getConditionVariableDeclStmt()) ||
        !TraverseStmt(If->getCond()))
      return false;
    return guarded(
        [&] { return branch(If->getThen()) && branch(If->getElse()); });
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
    return guarded([&] {
      return exiting(leavesFunction(Catch->getHandlerBlock()),
                     [&] { return Base::TraverseCXXCatchStmt(Catch); });
    });
  }
  // A lambda's body runs later, or never.
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    ++LambdaDepth;
    bool Result = Base::TraverseLambdaExpr(Lambda);
    --LambdaDepth;
    return Result;
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *For) {
    if (For->getLoopVariable())
      add(Event::RangeFor, For);
    return Base::TraverseCXXForRangeStmt(For);
  }

  bool VisitCXXDeleteExpr(CXXDeleteExpr *Delete) {
    add(Event::Delete, Delete);
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *New) {
    (New->isArray() ? W.HasNewArray : W.HasNew) = true;
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_Assign)
      add(Event::Assign, B);
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->hasInit())
      add(Event::VarInit, Var);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (!llvm::isa<FunctionDecl>(Ref->getDecl()) || CalleeRefs.count(Ref))
      return true;
    add(Event::FunctionRef, Ref);
    // `&C::cleanup`: an indirect call may run it.
    if (isOwnMethod(Ref->getDecl(), RD))
      W.AddressTaken.push_back(llvm::cast<FunctionDecl>(Ref->getDecl()));
    return true;
  }
  bool VisitRecoveryExpr(RecoveryExpr *E) {
    add(Event::Broken, E);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    recordMemberCall(Call);
    W.IndirectCall |= isIndirect(*Call);
    if (const Expr *Callee = Call->getCallee())
      if (const auto *Ref =
              llvm::dyn_cast<DeclRefExpr>(Callee->IgnoreParenImpCasts()))
        CalleeRefs.insert(Ref);
    add(Event::Call, Call);
    return true;
  }

  /// A constructor's member initializers and delegation, then its body.
  void walkConstructor(const CXXConstructorDecl &Ctor) {
    for (const CXXCtorInitializer *Init : Ctor.inits()) {
      Expr *E = Init->getInit();
      if (!E)
        continue;
      if (auto *Default = llvm::dyn_cast<CXXDefaultInitExpr>(E))
        E = Default->getExpr();
      else if (!Init->isWritten())
        continue;
      W.Events.push_back({Event::MemberInit, false, false, false, Init, E});
      TraverseStmt(E);
    }
    if (Ctor.isDelegatingConstructor())
      if (const CXXConstructorDecl *Target = Ctor.getTargetConstructor())
        W.Calls.push_back({Target, (*Ctor.init_begin())->getInit(), false});
  }

private:
  template <typename Fn> bool guarded(Fn F) {
    ++GuardDepth;
    bool Result = F();
    --GuardDepth;
    return Result;
  }

  /// A branch of an if: on it, the function may be leaving after a
  /// failure.
  bool branch(Stmt *S) {
    return exiting(leavesFunction(S), [&] { return TraverseStmt(S); });
  }
  template <typename Fn> bool exiting(bool Leaves, Fn F) {
    ExitDepth += Leaves;
    bool Result = F();
    ExitDepth -= Leaves;
    return Result;
  }

  void add(Event::Kind K, const void *Node) {
    W.Events.push_back(
        {K, GuardDepth != 0, ExitDepth != 0, LambdaDepth != 0, Node});
  }

  void addCall(const Decl *D, const Stmt *Site) {
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    W.Calls.push_back(
        {llvm::cast<FunctionDecl>(D), Site, GuardDepth != 0, LambdaDepth != 0});
  }

  /// A call through a function pointer, a pointer to member function or a
  /// callable object (`std::function`); not an unresolved call in a
  /// template, nor a pseudo-destructor call.
  static bool isIndirect(const CallExpr &Call) {
    if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call))
      return Op->getOperator() == OO_Call;
    if (Call.getDirectCallee() || Call.isTypeDependent() ||
        Call.isValueDependent())
      return false;
    const Expr *Callee = Call.getCallee();
    if (!Callee || Callee->isTypeDependent())
      return false;
    Callee = Callee->IgnoreParenImpCasts();
    return !llvm::isa<UnresolvedLookupExpr, UnresolvedMemberExpr,
                      CXXDependentScopeMemberExpr, CXXPseudoDestructorExpr>(
        Callee);
  }

  /// Calls of member functions of this class on `this` are edges of the
  /// class's call graph.
  void recordMemberCall(const CallExpr *Call) {
    const Expr *Callee =
        Call->getCallee() ? Call->getCallee()->IgnoreParenImpCasts() : nullptr;
    // Resolved, or in a template a call the pattern already binds (a plain
    // CallExpr whose callee is a MemberExpr).
    if (const auto *ME = llvm::dyn_cast_or_null<MemberExpr>(Callee)) {
      if (isOwnMethod(ME->getMemberDecl(), RD, MostDerived) &&
          isThis(ME->getBase()))
        addCall(ME->getMemberDecl(), Call);
      return;
    }
    // In a template, a call whose overload is not resolved yet: any
    // candidate may be the one called.
    const auto *UME = llvm::dyn_cast_or_null<UnresolvedMemberExpr>(Callee);
    if (!UME || !(UME->isImplicitAccess() || isThis(UME->getBase())))
      return;
    for (const NamedDecl *D : UME->decls())
      if (isOwnMethod(D->getUnderlyingDecl(), RD, MostDerived))
        addCall(D->getUnderlyingDecl(), Call);
  }

  const CXXRecordDecl &RD;
  const CXXRecordDecl *MostDerived;
  Walk &W;
  unsigned GuardDepth = 0, ExitDepth = 0, LambdaDepth = 0;
  /// Function references that are the callee of a call (not an address).
  llvm::SmallPtrSet<const DeclRefExpr *, 8> CalleeRefs;
};

ClassBodies::ClassBodies(const CXXRecordDecl &RD, TranslationUnitIndex &TU,
                         const CXXRecordDecl *MostDerived)
    : RD(RD), TU(TU), MostDerived(MostDerived) {}

llvm::ArrayRef<const CXXRecordDecl *>
TranslationUnitIndex::derivedFrom(const CXXRecordDecl &RD) {
  const CXXRecordDecl *Key = RD.getCanonicalDecl();
  if (auto It = Derived.find(Key); It != Derived.end())
    return It->second;
  if (!Direct) {
    Direct.emplace();
    ForEachClass([&](const CXXRecordDecl &D) {
      for (const CXXBaseSpecifier &B : D.bases())
        if (const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl())
          (*Direct)[Base->getCanonicalDecl()].push_back(&D);
    });
  }
  llvm::SmallVector<const CXXRecordDecl *, 2> Result;
  llvm::SmallPtrSet<const CXXRecordDecl *, 4> Seen{Key};
  llvm::SmallVector<const CXXRecordDecl *, 4> Work{Key};
  while (!Work.empty()) {
    auto It = Direct->find(Work.pop_back_val());
    if (It == Direct->end())
      continue;
    for (const CXXRecordDecl *D : It->second)
      if (Seen.insert(D->getCanonicalDecl()).second) {
        Result.push_back(D);
        Work.push_back(D->getCanonicalDecl());
      }
  }
  return Derived[Key] = std::move(Result);
}

llvm::ArrayRef<const FunctionDecl *> ClassBodies::addressTakenMethods() {
  if (AddressTaken)
    return *AddressTaken;
  AddressTaken.emplace();
  for (const FunctionDecl *F : definedMethods())
    for (const FunctionDecl *Taken : of(F).AddressTaken)
      if (!llvm::is_contained(*AddressTaken, Taken))
        AddressTaken->push_back(Taken);
  return *AddressTaken;
}
ClassBodies::~ClassBodies() = default;

const ClassBodies::Walk &ClassBodies::of(const FunctionDecl *Def) {
  std::unique_ptr<Walk> &Slot = Walks[Def];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<Walk>();
  Walker V(RD, MostDerived, *Slot);
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(Def))
    V.walkConstructor(*Ctor);
  V.TraverseStmt(Def->getBody());
  return *Slot;
}

llvm::ArrayRef<const FunctionDecl *> ClassBodies::definedMethods() {
  if (Methods)
    return *Methods;
  Methods.emplace();
  for (const Decl *D : RD.decls()) {
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    const auto *MD = llvm::dyn_cast<CXXMethodDecl>(D);
    if (!MD || MD->isImplicit() || MD->isStatic())
      continue;
    if (const FunctionDecl *Def = definition(MD))
      Methods->push_back(Def);
  }
  return *Methods;
}

const DestructorInfo &ClassBodies::destructor() {
  if (Dtor)
    return *Dtor;
  DestructorInfo &Info = Dtor.emplace();
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
  Info.Def = definition(Info.Decl);
  Info.Kind = Info.Def ? DestructorKind::Defined : DestructorKind::Unavailable;
  return Info;
}

llvm::ArrayRef<const CXXConstructorDecl *> ClassBodies::constructors() {
  if (!Ctors)
    Ctors = userWrittenConstructors(RD);
  return *Ctors;
}

bool ClassBodies::constructorsMayAcquire(const ResourceModel &Model) {
  auto Reported = [](const ResourceFamily *F) { return F && F->Reported; };
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  llvm::SmallVector<const FunctionDecl *, 8> Work;
  for (const CXXConstructorDecl *Ctor : constructors())
    if (const FunctionDecl *Def = definition(Ctor))
      Work.push_back(Def);
  while (!Work.empty()) {
    const FunctionDecl *Def = Work.pop_back_val();
    if (!Seen.insert(Def).second)
      continue;
    const Walk &W = of(Def);
    if ((W.HasNew && Reported(Model.newFamily(false))) ||
        (W.HasNewArray && Reported(Model.newFamily(true))))
      return true;
    for (const Event &E : W.Events)
      if (E.K == Event::Call)
        if (const FunctionDecl *Callee =
                static_cast<const CallExpr *>(E.Node)->getDirectCallee())
          for (const FunctionRole &R : Model.rolesOf(*Callee))
            if (R.Kind == RoleKind::Acquire && Reported(R.Family))
              return true;
    for (const MethodCall &Call : W.Calls)
      if (const FunctionDecl *CalleeDef = definition(Call.Callee))
        Work.push_back(CalleeDef);
  }
  return false;
}

/// Turns the events of one body into facts about the tracked members, as the
/// analysis's model sees them.
class ClassAnalysis::SummaryBuilder {
public:
  SummaryBuilder(ClassAnalysis &A, Summary &S) : A(A), S(S) {}

  void build(const ClassBodies::Walk &W) {
    S.Calls = W.Calls;
    S.IndirectCall = W.IndirectCall;
    for (const ClassBodies::Event &E : W.Events) {
      Guarded = E.Guarded;
      ExitPath = E.ExitPath;
      Deferred = E.Deferred;
      switch (E.K) {
      case ClassBodies::Event::Call:
        call(static_cast<const CallExpr *>(E.Node));
        break;
      case ClassBodies::Event::Assign:
        assignment(static_cast<const BinaryOperator *>(E.Node));
        break;
      case ClassBodies::Event::Delete:
        deletion(static_cast<const CXXDeleteExpr *>(E.Node));
        break;
      case ClassBodies::Event::VarInit:
        varInit(static_cast<const VarDecl *>(E.Node));
        break;
      case ClassBodies::Event::FunctionRef:
        functionRef(static_cast<const DeclRefExpr *>(E.Node));
        break;
      case ClassBodies::Event::RangeFor:
        rangeFor(static_cast<const CXXForRangeStmt *>(E.Node));
        break;
      case ClassBodies::Event::MemberInit:
        initializes(*static_cast<const CXXCtorInitializer *>(E.Node), E.Init);
        break;
      case ClassBodies::Event::Broken:
        broken(static_cast<const RecoveryExpr *>(E.Node));
        break;
      }
    }
  }

private:
  /// Code that does not compile (`DeleteCriticalSection(m_cs)` without
  /// the `&`): what it meant to do to the members it names is unknown, and
  /// unknown means "maybe released".
  void broken(const RecoveryExpr *E) {
    for (const Expr *Sub : E->subExpressions())
      if (std::optional<Designation> D = anyDesignation(Sub))
        add(FactKind::Escape, {D->Member, false, nullptr}, E);
  }

  void rangeFor(const CXXForRangeStmt *For) {
    if (std::optional<unsigned> M = A.memberOf(For->getRangeInit());
        M && A.Members[*M].ArrayRank)
      A.RangeVars[For->getLoopVariable()] = *M;
  }

  void deletion(const CXXDeleteExpr *Delete) {
    std::optional<Designation> D =
        A.designate(Delete->getArgument(), ArgMode::Value);
    if (!D || D->Pointee)
      return;
    add(FactKind::Free, {D->Member, false, nullptr}, Delete);
    if (const ResourceFamily *F = A.Model.deleteFamily(Delete->isArrayForm()))
      add(FactKind::Release, {D->Member, false, F}, Delete);
  }

  /// `m = acquire(..)`, `m = new T`, `m = nullptr`, `m = o.m`; `x = m`
  /// stores the member elsewhere.
  void assignment(const BinaryOperator *B) {
    std::optional<Designation> LHS = A.designate(B->getLHS(), ArgMode::Value);
    if (LHS && (assigned(LHS->Member, B->getRHS()) ||
                nullOrTakeOver(LHS->Member, B->getRHS(), B)))
      return;
    if (std::optional<Designation> RHS =
            A.designate(B->getRHS(), ArgMode::Value);
        RHS && !(LHS && LHS->Member == RHS->Member))
      add(FactKind::Escape, {RHS->Member, false, nullptr}, B);
    // `a_ = b_ = new T`: two members hold one resource.
    if (const auto *Inner =
            llvm::dyn_cast_or_null<BinaryOperator>(stripped(B->getRHS()));
        Inner && Inner->getOpcode() == BO_Assign)
      if (std::optional<Designation> Shared =
              A.designate(Inner->getLHS(), ArgMode::Value))
        add(FactKind::Escape, {Shared->Member, false, nullptr}, B);
  }

  /// `m = nullptr`, `m(-1)`: the member holds nothing. `m = o.m`,
  /// `m(std::exchange(o.m, nullptr))`: it takes over another object's.
  bool nullOrTakeOver(unsigned M, const Expr *E, const Stmt *Site) {
    if (isNullValue(E, A.RD.getASTContext())) {
      add(FactKind::Null, {M, false, nullptr}, Site);
      return true;
    }
    if (takenOverField(stripped(E), A.RD)) {
      add(FactKind::TakeOver, {M, false, nullptr}, Site);
      return true;
    }
    if (adoptsParameter(E)) {
      add(FactKind::Adopt, {M, false, nullptr}, Site);
      return true;
    }
    return false;
  }

  /// `Holder(T *P) : p_(P)`: the caller hands the resource over.
  static bool adoptsParameter(const Expr *E) {
    const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(stripped(E));
    const auto *Param =
        Ref ? llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    return Param && !Param->getType().isNull() &&
           !Param->getType()->isReferenceType();
  }

  /// `T x = m;` stores the member elsewhere.
  void varInit(const VarDecl *Var) {
    if (!A.RangeVars.count(Var))
      if (std::optional<Designation> D = anyDesignation(Var->getInit()))
        add(FactKind::Escape, {D->Member, false, nullptr}, Var->getInit());
  }

  void functionRef(const DeclRefExpr *Ref) {
    for (const FunctionRole &R :
         A.Model.rolesOf(*llvm::cast<FunctionDecl>(Ref->getDecl())))
      if (R.Kind == RoleKind::Release &&
          !llvm::is_contained(S.ReleaseAddressTaken, R.Family))
        S.ReleaseAddressTaken.push_back(R.Family);
  }

  void call(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    llvm::SmallVector<unsigned, 2> Consumed;
    if (Callee) {
      ResourceModel::Callee Info = A.Model.callee(*Callee);
      for (const FunctionRole &R : Info.Roles)
        roleFact(Call, *Callee, R, Consumed);
      if (Info.Use)
        return;
      reallocation(Call, *Callee, Info, Consumed);
      // An acquire function only uses its other arguments
      // (`CreateFileMappingW(m_hFile, ..)`).
      if (llvm::any_of(Info.Roles, [](const FunctionRole &R) {
            return R.Kind == RoleKind::Acquire;
          }))
        return;
      if (std::optional<unsigned> Arg = Info.FreesArg;
          Arg && *Arg < Call->getNumArgs())
        if (std::optional<Designation> D =
                A.designate(Call->getArg(*Arg), ArgMode::Value);
            D && !D->Pointee) {
          add(FactKind::Free, {D->Member, false, nullptr}, Call);
          Consumed.push_back(*Arg);
        }
      if (Info.Roles.empty())
        objectCall(Call);
    }
    // Any other argument designating a member hands it to someone else.
    // (The object of a member call is not an argument.)
    uint64_t OnlyUsed =
        Callee ? A.Model.callee(*Callee).OnlyUsedArgs : uint64_t(0);
    unsigned Fixed = variadicUses(Call, Callee) ? Callee->getNumParams()
                                                : Call->getNumArgs();
    for (unsigned I = 0, N = std::min(Fixed, Call->getNumArgs()); I != N; ++I) {
      if (llvm::is_contained(Consumed, I) || (I < 64 && (OnlyUsed >> I & 1)))
        continue;
      if (isThis(Call->getArg(I)) && !isOwnMethod(Callee, A.RD)) {
        S.HandsOffThis = true;
        continue;
      }
      if (std::optional<Designation> D = anyDesignation(Call->getArg(I)))
        add(FactKind::Escape, {D->Member, false, nullptr}, Call);
    }
  }

  /// Whether the arguments in the `...` of \p Callee are only used: what a
  /// C variadic function whose body is elsewhere receives there it reads
  /// through va_arg, to print or log it (`printf("%p", h)`, a logging
  /// macro). Not `syscall`, which may be `syscall(SYS_close, fd)`, nor a
  /// variadic function of the user's with a body here, whose va_arg may
  /// keep or release what it is given.
  static bool variadicUses(const CallExpr *Call, const FunctionDecl *Callee) {
    if (!Callee || !Callee->isVariadic() ||
        llvm::isa<CXXOperatorCallExpr>(Call) || userDefinition(*Callee))
      return false;
    const IdentifierInfo *II = Callee->getIdentifier();
    return !(II && II->isStr("syscall"));
  }

  /// `q = realloc(p, n)` releases `p`'s block; `p = realloc(p, n)` keeps
  /// `p` owned.
  void reallocation(const CallExpr *Call, const FunctionDecl &Callee,
                    const ResourceModel::Callee &Info,
                    llvm::SmallVectorImpl<unsigned> &Consumed) {
    std::optional<unsigned> Arg = Info.ReallocArg;
    if (!Arg || *Arg >= Call->getNumArgs() || SelfReallocs.count(Call))
      return;
    std::optional<Designation> D =
        A.designate(Call->getArg(*Arg), ArgMode::Value);
    if (!D || D->Pointee)
      return;
    for (const FunctionRole &R : Info.Roles)
      if (R.Kind == RoleKind::Acquire &&
          R.Family->AcquiredBy == AcquireForm::ReturnValue)
        add(FactKind::Release, {D->Member, false, R.Family}, Call, &Callee);
    add(FactKind::Free, {D->Member, false, nullptr}, Call);
    Consumed.push_back(*Arg);
  }

  /// `m_p->release()`: what the method does to the object the member points
  /// to. A body that reaches `delete this` frees it; an unknown body (or
  /// overrider), or one handing `this` on, may keep or free it.
  void objectCall(const CallExpr *Call) {
    const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(Call);
    const auto *ME =
        MC ? llvm::dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParenImpCasts())
           : nullptr;
    const CXXMethodDecl *Method = MC ? MC->getMethodDecl() : nullptr;
    if (!ME || !ME->isArrow() || !Method)
      return;
    std::optional<unsigned> M = A.memberOf(ME->getBase());
    if (!M || !A.Members[*M].Element->isPointerType())
      return;
    // `p_->~T()` ends the object's life without freeing its storage.
    ObjectEffect Effect = llvm::isa<CXXDestructorDecl>(Method)
                              ? ObjectEffect::Unknown
                              : A.Bodies.objects().of(*Method);
    if (Effect == ObjectEffect::Deletes)
      add(FactKind::Free, {*M, false, nullptr}, Call, Method);
    else if (Effect == ObjectEffect::Unknown)
      add(FactKind::Escape, {*M, false, nullptr}, Call, Method);
  }

  /// A member initializer `m(expr)` or a default member initializer.
  void initializes(const CXXCtorInitializer &Init, const Expr *E) {
    const FieldDecl *Field = Init.getAnyMember();
    if (!Field)
      return;
    llvm::SmallVector<const FieldDecl *, 2> Path;
    if (const IndirectFieldDecl *IFD = Init.getIndirectMember()) {
      for (const NamedDecl *ND : IFD->chain())
        if (const auto *FD = llvm::dyn_cast<FieldDecl>(ND))
          Path.push_back(FD);
    } else {
      Path.push_back(Field);
    }
    std::optional<unsigned> M = A.memberByPath(Path);
    if (!M || assigned(*M, E) || nullOrTakeOver(*M, E, E))
      return;
    // `b_(a_)`: two members hold one resource.
    if (std::optional<Designation> Other = A.designate(E, ArgMode::Value);
        Other && Other->Member != *M)
      add(FactKind::Escape, {Other->Member, false, nullptr}, E);
  }

  void add(FactKind K, ResourceKey Key, const Stmt *Site,
           const FunctionDecl *Callee = nullptr) {
    // In a lambda, a release may happen later or never: it can only keep
    // the resource from being proven owned. (An acquisition there counts,
    // as the lambdas that constructors run acquire.)
    if (Deferred && K != FactKind::Acquire) {
      if (K == FactKind::Null)
        return;
      K = FactKind::Escape;
      Key.Family = nullptr;
    }
    S.Facts.push_back({K, Key, Site, Guarded, Callee, ExitPath});
  }

  std::optional<Designation> anyDesignation(const Expr *E) const {
    // `f(m = acquire())` hands over what it assigns.
    if (const auto *BO = llvm::dyn_cast_or_null<BinaryOperator>(stripped(E));
        BO && BO->isAssignmentOp())
      E = BO->getLHS();
    if (std::optional<Designation> D = A.designate(E, ArgMode::Address))
      return D;
    return A.designate(E, ArgMode::Value);
  }

  /// Records an acquisition if \p E, assigned to member \p M, acquires a
  /// resource (`malloc(n)`, `new T[n]`, `CreateEventW(..)`).
  bool assigned(unsigned M, const Expr *E) {
    E = stripped(E);
    if (!E || A.Members[M].Element.isNull() ||
        !A.Members[M].Element->isScalarType())
      return false;
    if (const auto *New = llvm::dyn_cast<CXXNewExpr>(E)) {
      // Placement new constructs in memory someone else owns.
      const ResourceFamily *F = A.Model.newFamily(New->isArray());
      if (!F || !allocatesMemory(*New))
        return false;
      // `new Item(this)` may register the item with its owner.
      if (registersOwner(*New))
        add(FactKind::Escape, {M, false, nullptr}, New);
      else
        add(FactKind::Acquire, {M, false, F}, New);
      return true;
    }
    const auto *Call = llvm::dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return false;
    // `p = realloc(p, n)` keeps `p` owned.
    if (std::optional<unsigned> Arg = A.Model.callee(*Callee).ReallocArg;
        Arg && *Arg < Call->getNumArgs())
      if (std::optional<Designation> D =
              A.designate(Call->getArg(*Arg), ArgMode::Value);
          D && D->Member == M && !D->Pointee)
        SelfReallocs.insert(Call);
    bool Acquired = false;
    for (const FunctionRole &R : A.Model.rolesOf(*Callee))
      if (R.Kind == RoleKind::Acquire &&
          R.Family->AcquiredBy == AcquireForm::ReturnValue &&
          (!R.Family->isTyped() ||
           R.Family->isResourceType(A.Members[M].Element))) {
        add(FactKind::Acquire, {M, false, R.Family}, Call, Callee);
        Acquired = true;
      }
    return Acquired;
  }

  /// The pointer type \p Arg is explicitly cast to, or a null type.
  static QualType castType(const Expr *Arg) {
    const auto *Cast =
        llvm::dyn_cast<ExplicitCastExpr>(Arg->IgnoreParenImpCasts());
    if (!Cast || !Cast->getType()->isPointerType())
      return QualType();
    return Cast->getType();
  }

  /// The type of the resource \p D designates.
  QualType resourceType(const Designation &D) const {
    QualType T = A.Members[D.Member].Element;
    return D.Pointee ? T->getPointeeType() : T;
  }

  /// Records what a call to a function with role \p R does.
  void roleFact(const CallExpr *Call, const FunctionDecl &Callee,
                const FunctionRole &R, llvm::SmallVectorImpl<unsigned> &Used) {
    const ResourceFamily &F = *R.Family;
    bool IsMethodFamily = R.Kind == RoleKind::Acquire
                              ? F.AcquiredBy == AcquireForm::Method
                              : F.ReleasedBy == ReleaseForm::Method;
    std::optional<Designation> D;
    if (IsMethodFamily) {
      // m.Init(), m->Init(), m[i].Init(): the object is the resource.
      const auto *MCE = llvm::dyn_cast<CXXMemberCallExpr>(Call);
      const auto *ME =
          MCE ? llvm::dyn_cast<MemberExpr>(MCE->getCallee()->IgnoreParens())
              : nullptr;
      if (!ME)
        return;
      D = A.designate(ME->getBase(),
                      ME->isArrow() ? ArgMode::Address : ArgMode::Value);
    } else {
      if (R.Kind == RoleKind::Acquire && F.AcquiredBy != AcquireForm::OutParam)
        return; // Acquired by its value: see assigned().
      if (R.ArgIndex >= Call->getNumArgs())
        return;
      ArgMode Mode = R.Kind == RoleKind::Acquire || F.ReleaseTakesAddress
                         ? ArgMode::Address
                         : ArgMode::Value;
      D = A.designate(Call->getArg(R.ArgIndex), Mode);
    }
    if (!D)
      return;
    // A release of a member of another type is a mismatch, not nothing.
    if (R.Kind == RoleKind::Acquire && F.isTyped()) {
      QualType Resource = resourceType(*D);
      // `InitializeCriticalSection((CRITICAL_SECTION *)m_cs)`, `void *m_cs`.
      QualType Cast;
      if (D->Pointee && Resource->isVoidType() && !IsMethodFamily) {
        Cast = castType(Call->getArg(R.ArgIndex));
        Resource = Cast.isNull() ? Cast : Cast->getPointeeType();
      }
      if (Resource.isNull() || !F.isResourceType(Resource))
        return;
      TrackedMember &M = A.Members[D->Member];
      if (!Cast.isNull() && M.CastType.isNull())
        M.CastType = Cast;
    }
    if (!IsMethodFamily)
      Used.push_back(R.ArgIndex);
    add(R.Kind == RoleKind::Acquire ? FactKind::Acquire : FactKind::Release,
        {D->Member, D->Pointee, &F}, Call, &Callee);
  }

  ClassAnalysis &A;
  Summary &S;
  bool Guarded = false, ExitPath = false, Deferred = false;
  /// `p = realloc(p, n)` calls, which do not release `p`.
  llvm::SmallPtrSet<const CallExpr *, 1> SelfReallocs;
};

ClassAnalysis::ClassAnalysis(const CXXRecordDecl &RD,
                             const ResourceModel &Model, ClassBodies &Bodies)
    : RD(RD), Model(Model), Bodies(Bodies) {
  llvm::SmallVector<const FieldDecl *, 4> Prefix;
  collectMembers(RD, Prefix, 0);
  collectInherited();
  bool Untyped = false, Methods = false, Typed = false;
  for (const ResourceFamily &F : Model.families()) {
    Methods |= F.AcquiredBy == AcquireForm::Method;
    Typed |= F.isTyped();
    Untyped |= !F.isTyped() && F.AcquiredBy != AcquireForm::Method;
  }
  for (unsigned I = 0, N = Members.size(); I != N; ++I) {
    const TrackedMember &M = Members[I];
    ByTopLevel[M.topLevel()].push_back(I);
    QualType T = M.Element;
    MayHoldResources |=
        Model.typedFamilyOf(T) ||
        (T->isPointerType() && Model.typedFamilyOf(T->getPointeeType())) ||
        (Typed && T->isVoidPointerType()) || (Untyped && T->isScalarType()) ||
        (Methods && T->isRecordType());
  }
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
    // A pointer to a template parameter (`T *items_`) is still a pointer.
    if (T.isNull() || (T->isDependentType() && !T->isPointerType()))
      continue;
    Prefix.push_back(FD);
    TrackedMember M;
    M.Path.assign(Prefix.begin(), Prefix.end());
    const Type *Elem = T.getTypePtr();
    while (const ArrayType *AT = Elem->getAsArrayTypeUnsafe()) {
      Elem = AT->getElementType().getTypePtr();
      ++M.ArrayRank;
    }
    M.Element = M.ArrayRank ? QualType(Elem, 0) : T;
    const RecordDecl *Sub = M.ArrayRank ? nullptr : T->getAsRecordDecl();
    bool Anonymous = FD->isAnonymousStructOrUnion();
    if (!Anonymous)
      Members.push_back(std::move(M));
    // The fields of a plain aggregate are the class's own state too.
    if (Sub && Sub->getDefinition() && !Model.typedFamilyOf(T) &&
        isPlainAggregate(*Sub->getDefinition()) && Depth < MaxMemberDepth)
      collectMembers(*Sub->getDefinition(), Prefix, Depth + 1);
    Prefix.pop_back();
  }
}

void ClassAnalysis::collectInherited() {
  const SourceManager &SM = RD.getASTContext().getSourceManager();
  llvm::SmallVector<const CXXRecordDecl *, 4> Work{&RD};
  while (!Work.empty()) {
    const CXXRecordDecl *C = Work.pop_back_val();
    for (const CXXBaseSpecifier &Base : C->bases()) {
      const CXXRecordDecl *B =
          Base.isVirtual() ? nullptr : Base.getType()->getAsCXXRecordDecl();
      if (!B || !(B = B->getDefinition()) ||
          SM.isInSystemHeader(SM.getExpansionLoc(B->getLocation())) ||
          llvm::is_contained(UserBases, B))
        continue;
      UserBases.push_back(B);
      Work.push_back(B);
      size_t First = Members.size();
      llvm::SmallVector<const FieldDecl *, 4> Prefix;
      collectMembers(*B, Prefix, 0);
      // What this class cannot name, its constructors cannot acquire.
      Members.erase(std::remove_if(Members.begin() + First, Members.end(),
                                   [](const TrackedMember &M) {
                                     return M.topLevel()->getAccess() ==
                                            AS_private;
                                   }),
                    Members.end());
      for (size_t I = First, N = Members.size(); I != N; ++I)
        Members[I].InheritedFrom = B;
    }
  }
}

bool ClassAnalysis::releasedByBases(const ResourceKey &Key) {
  const TrackedMember &M = Members[Key.Member];
  if (!M.InheritedFrom)
    return false;
  for (const CXXRecordDecl *B : UserBases) {
    ClassBodies BaseBodies(*B, Bodies.index());
    ClassAnalysis Base(*B, Model, BaseBodies);
    std::optional<unsigned> Index = Base.memberByPath(M.Path);
    if (!Index)
      continue;
    ResourceKey Own{*Index, Key.Pointee, Key.Family};
    const DestructorInfo &Dtor = BaseBodies.destructor();
    if (Dtor.Kind == DestructorKind::Unavailable ||
        Base.releaseAddressTaken(Key.Family))
      return true;
    for (const FunctionDecl *F : BaseBodies.definedMethods())
      if (const Closure *C = Base.closureOf(F); !C || C->mayRelease(Own))
        return true;
  }
  return false;
}

std::optional<unsigned>
ClassAnalysis::memberByPath(llvm::ArrayRef<const FieldDecl *> Path) const {
  if (Path.empty())
    return std::nullopt;
  auto Candidates = ByTopLevel.find(Path.front());
  if (Candidates == ByTopLevel.end())
    return std::nullopt;
  for (unsigned I : Candidates->second)
    if (llvm::equal(Members[I].Path, Path))
      return I;
  return std::nullopt;
}

std::optional<unsigned> ClassAnalysis::memberOf(const Expr *E) const {
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
  return memberByPath(Path);
}

std::optional<Designation> ClassAnalysis::designate(const Expr *E,
                                                    ArgMode Mode) const {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenCasts();
  auto IsArray = [&](unsigned M) { return Members[M].ArrayRank != 0; };
  // m[i][j]: down to the array member.
  auto ArrayBase =
      [&](const ArraySubscriptExpr *ASE) -> std::optional<Designation> {
    const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
    while (const auto *Inner = llvm::dyn_cast<ArraySubscriptExpr>(Base))
      Base = Inner->getBase()->IgnoreParenImpCasts();
    std::optional<unsigned> M = memberOf(Base);
    if (M && IsArray(*M))
      return Designation{*M, false};
    return std::nullopt;
  };
  // An array member designates its elements, a pointer member what it
  // points to.
  auto Storage = [&](const Expr *X) -> std::optional<Designation> {
    std::optional<unsigned> M = memberOf(X);
    if (!M)
      return std::nullopt;
    if (IsArray(*M))
      return Designation{*M, false};
    if (Members[*M].Element->isPointerType())
      return Designation{*M, true};
    return std::nullopt;
  };
  auto RangeVar = [&](const Expr *X) -> std::optional<Designation> {
    const auto *DRE = llvm::dyn_cast<DeclRefExpr>(X);
    const auto *Var = DRE ? llvm::dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    auto It = Var ? RangeVars.find(Var) : RangeVars.end();
    if (It == RangeVars.end())
      return std::nullopt;
    return Designation{It->second, false};
  };

  if (Mode == ArgMode::Value) {
    if (const auto *ASE = llvm::dyn_cast<ArraySubscriptExpr>(E))
      return ArrayBase(ASE);
    if (std::optional<Designation> D = RangeVar(E))
      return D;
    std::optional<unsigned> M = memberOf(E);
    if (M && !IsArray(*M))
      return Designation{*M, false};
    return std::nullopt;
  }

  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf) {
    const Expr *Sub = UO->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *ASE = llvm::dyn_cast<ArraySubscriptExpr>(Sub))
      return ArrayBase(ASE);
    if (llvm::isa<DeclRefExpr>(Sub))
      return RangeVar(Sub);
    if (const auto *Deref = llvm::dyn_cast<UnaryOperator>(Sub);
        Deref && Deref->getOpcode() == UO_Deref)
      return Storage(Deref->getSubExpr());
    std::optional<unsigned> M = memberOf(Sub);
    if (M && !IsArray(*M))
      return Designation{*M, false};
    return std::nullopt;
  }
  if (const auto *BO = llvm::dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Add) {
    for (const Expr *Side : {BO->getLHS(), BO->getRHS()})
      if (std::optional<unsigned> M = memberOf(Side); M && IsArray(*M))
        return Designation{*M, false};
    return std::nullopt;
  }
  return Storage(E);
}

const FunctionDecl *ClassBodies::definition(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  auto [It, New] = Definitions.try_emplace(FD, nullptr);
  if (!New)
    return It->second;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || Def->isLateTemplateParsed() ||
      Def->isInvalidDecl() || !Def->getBody())
    return nullptr;
  return It->second = Def;
}

const ClassAnalysis::Summary *ClassAnalysis::summaryOf(const FunctionDecl *FD) {
  std::unique_ptr<Summary> &Slot = Summaries[FD];
  if (Slot)
    return Slot.get();
  Slot = std::make_unique<Summary>();
  Summary &S = *Slot;
  SummaryBuilder(*this, S).build(Bodies.of(FD));
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
    bool Deferred;
  };
  // A function is visited at most three times: through guarded or deferred
  // calls, then unguarded, then directly; so the walk is linear in the call
  // graph.
  // (SeenUnguarded: seen other than deferred.)
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen, SeenUnguarded, SeenDirect;
  llvm::SmallVector<Item, 16> Work{{Def, nullptr, false, false}};
  bool Indirect = false;
  while (!Work.empty()) {
    Item I = Work.pop_back_val();
    if (SeenDirect.count(I.F) || (I.Deferred && Seen.count(I.F)) ||
        (!I.Deferred && I.Guarded && SeenUnguarded.count(I.F)))
      continue;
    Seen.insert(I.F);
    if (!I.Deferred) {
      if (SeenUnguarded.insert(I.F).second)
        C->Visited.push_back(I.F);
      if (!I.Guarded)
        SeenDirect.insert(I.F);
    }
    const Summary *S = summaryOf(I.F);
    C->Opaque |= S->HandsOffThis && !I.Deferred;
    Indirect |= S->IndirectCall && !I.Deferred;
    for (const Fact &F : S->Facts)
      C->Facts.push_back({&F, I.F, I.Hop, I.Guarded || F.Guarded, I.Deferred});
    // Pushed in reverse so that callees are visited in source order.
    for (const MethodCall &Call : llvm::reverse(S->Calls)) {
      const FunctionDecl *CalleeDef = bodyOf(Call.Callee);
      if (!CalleeDef) {
        C->Opaque |= !I.Deferred && !Call.Deferred;
        continue;
      }
      Work.push_back({CalleeDef, I.Hop ? I.Hop : Call.Site,
                      I.Guarded || Call.Guarded, I.Deferred || Call.Deferred});
    }
    // An indirect call may run any method whose address the class takes.
    if (Work.empty() && Indirect) {
      Indirect = false;
      for (const FunctionDecl *Taken : Bodies.addressTakenMethods())
        if (const FunctionDecl *TakenDef = bodyOf(Taken))
          Work.push_back({TakenDef, nullptr, true, true});
    }
  }
  for (const ReachedFact &R : C->Facts)
    C->ByMember[R.F->Key.Member].push_back(&R);
  Slot = std::move(C);
  return Slot.get();
}

Acquires ClassAnalysis::acquires(const CXXConstructorDecl *Ctor,
                                 const ResourceKey &Key) {
  const FunctionDecl *Def = nullptr;
  if (Ctor->isDefined(Def) && Def && Def->isExplicitlyDefaulted())
    return Acquires::No;
  const Closure *C = closureOf(Ctor);
  if (!C)
    return Acquires::Unknown;
  // What a constructor does on a branch that leaves it after a failure
  // (`close(s); throw ...;`) does not happen to a constructed object.
  bool HandedOff = C->escapes(Key.Member, /*OnCompletion=*/true);
  if (C->has(FactKind::Acquire, Key)) {
    bool Released = llvm::any_of(C->factsOf(Key.Member), [&](auto *R) {
      return !R->Deferred && !R->F->ExitPath &&
             ((R->F->Kind == FactKind::Release && R->F->Key == Key) ||
              (R->F->Kind == FactKind::Free && !Key.Pointee));
    });
    // Handed to someone else, or released again: not kept.
    return HandedOff || Released ? Acquires::Unknown : Acquires::Yes;
  }
  if (C->Opaque || HandedOff)
    return Acquires::Unknown;
  return Acquires::No;
}

CtorLeaves ClassAnalysis::leaves(const CXXConstructorDecl *Ctor,
                                 const ResourceKey &Key) {
  // A defaulted copy or move holds what the other object held: copying an
  // owner is raii-copyable-resource-owner's to report.
  const FunctionDecl *Def = nullptr;
  if (Ctor->isCopyOrMoveConstructor() && Ctor->isDefined(Def) && Def &&
      Def->isExplicitlyDefaulted())
    return CtorLeaves::TakenOver;
  switch (acquires(Ctor, Key)) {
  case Acquires::Yes:
    return CtorLeaves::Acquired;
  case Acquires::Unknown:
    return CtorLeaves::Unknown;
  case Acquires::No:
    break;
  }
  if (Key.Pointee)
    return CtorLeaves::Unacquired;
  const Closure *C = closureOf(Ctor);
  if (!C) {
    // `= default`: the default member initializer decides.
    const TrackedMember &M = Members[Key.Member];
    const FieldDecl *FD = M.Path.size() == 1 ? M.topLevel() : nullptr;
    return FD && isNullValue(FD->getInClassInitializer(), RD.getASTContext())
               ? CtorLeaves::Null
               : CtorLeaves::Unacquired;
  }
  CtorLeaves Result = CtorLeaves::Unacquired;
  for (const ReachedFact *R : C->factsOf(Key.Member)) {
    if (R->Deferred || R->F->ExitPath)
      continue;
    if (R->F->Kind == FactKind::TakeOver)
      return CtorLeaves::TakenOver;
    if (R->F->Kind == FactKind::Adopt)
      return CtorLeaves::Adopted;
    if (R->F->Kind == FactKind::Null)
      Result = CtorLeaves::Null;
  }
  return Result;
}

llvm::ArrayRef<ResourceKey> ClassAnalysis::acquiredResources() {
  if (AcquiredComputed)
    return Acquired;
  AcquiredComputed = true;
  llvm::SmallVector<ResourceKey, 4> &Keys = Acquired;
  llvm::SmallDenseSet<std::pair<unsigned, const ResourceFamily *>, 8> Seen;
  for (const CXXConstructorDecl *Ctor : constructors()) {
    const Closure *C = closureOf(Ctor);
    if (!C)
      continue;
    for (const ReachedFact &R : C->Facts)
      if (R.F->Kind == FactKind::Acquire &&
          Seen.insert({R.F->Key.Member * 2 + R.F->Key.Pointee, R.F->Key.Family})
              .second)
        Keys.push_back(R.F->Key);
  }
  // What a member points to is released before the member itself
  // (`m_p->Term(); delete m_p;`).
  llvm::stable_sort(Keys, [](const ResourceKey &L, const ResourceKey &R) {
    return std::pair(L.Member, !L.Pointee) < std::pair(R.Member, !R.Pointee);
  });
  return Acquired;
}

struct ClassAnalysis::DerivedView {
  std::unique_ptr<ClassBodies> Bodies;
  std::unique_ptr<ClassAnalysis> Analysis;
  const FunctionDecl *Destructor;
};

bool ClassAnalysis::releasedByDerived(const ResourceKey &Key) {
  if (RD.hasAttr<FinalAttr>())
    return false;
  if (!DerivedViews) {
    DerivedViews.emplace();
    for (const CXXRecordDecl *D : Bodies.index().derivedFrom(RD)) {
      auto View = std::make_unique<ClassBodies>(RD, Bodies.index(), D);
      ClassBodies Own(*D, Bodies.index());
      const DestructorInfo &Dtor = Own.destructor();
      if (Dtor.Kind != DestructorKind::Defined)
        continue;
      // The definition is looked up anew: Own's memo dies with it.
      const FunctionDecl *Def = View->definition(Dtor.Decl);
      if (!Def)
        continue;
      auto Analysis = std::make_unique<ClassAnalysis>(RD, Model, *View);
      DerivedViews->push_back({std::move(View), std::move(Analysis), Def});
    }
  }
  for (DerivedView &V : *DerivedViews) {
    const Closure *C = V.Analysis->closureOf(V.Destructor);
    if (C && (C->Opaque || C->has(FactKind::Release, Key) ||
              C->escapes(Key.Member) || (!Key.Pointee && C->frees(Key.Member))))
      return true;
  }
  return false;
}

bool ClassAnalysis::releaseAddressTaken(const ResourceFamily *Family) {
  for (const FunctionDecl *F : definedMethods())
    if (llvm::is_contained(summaryOf(F)->ReleaseAddressTaken, Family))
      return true;
  return false;
}

namespace {

/// The first constructor of \p Ctors that acquires \p Key and keeps it.
const CXXConstructorDecl *
acquiringConstructor(ClassAnalysis &A, const ResourceKey &Key,
                     llvm::ArrayRef<const CXXConstructorDecl *> Ctors) {
  for (const CXXConstructorDecl *Ctor : Ctors)
    if (A.acquires(Ctor, Key) == Acquires::Yes)
      return Ctor;
  return nullptr;
}

/// True if \p C releases \p Key's resource with another family's release.
bool releasedByOther(const Closure &C, const ResourceKey &Key) {
  return llvm::any_of(C.factsOf(Key.Member), [&](const ReachedFact *R) {
    return R->F->Kind == FactKind::Release && R->F->Key.sameResource(Key) &&
           R->F->Key.Family != Key.Family;
  });
}

} // namespace

std::vector<Leak> ClassAnalysis::leaks() {
  std::vector<Leak> Result;
  const DestructorInfo &Dtor = destructor();
  if (Dtor.Kind == DestructorKind::Deleted ||
      Dtor.Kind == DestructorKind::Unavailable)
    return Result;
  const Closure *DC =
      Dtor.Kind == DestructorKind::Defined ? closureOf(Dtor.Def) : nullptr;
  llvm::ArrayRef<const CXXConstructorDecl *> Ctors = constructors();
  for (const ResourceKey &Key : acquiredResources()) {
    Leak L{Key, acquiringConstructor(*this, Key, Ctors), nullptr, {}, nullptr};
    if (!L.Ctor)
      continue; // Not kept by any constructor: handed off, or unknown.
    L.Acquire = closureOf(L.Ctor)->first(FactKind::Acquire, Key);
    if (DC && (DC->has(FactKind::Release, Key) || DC->Opaque ||
               DC->escapes(Key.Member) || releasedByOther(*DC, Key) ||
               (!Key.Pointee && DC->frees(Key.Member))))
      continue;
    // A base's member: the base's destructor (or a helper) may release it.
    if (releasedByBases(Key))
      continue;
    if (!Key.Family->Reported) {
      // Only kept to hold back fix-its: no need to look further.
      Result.push_back(std::move(L));
      continue;
    }
    // Released through a pointer to the release function, or by a derived
    // class's destructor.
    if (releaseAddressTaken(Key.Family) || releasedByDerived(Key))
      continue;
    for (const FunctionDecl *F : definedMethods()) {
      if (DC && llvm::is_contained(DC->Visited, F))
        continue;
      for (const Fact &Fct : localFacts(F))
        // A constructor's cleanup after a failure is not a release the
        // destructor should have called.
        if (Fct.Kind == FactKind::Release && Fct.Key == Key &&
            !(Fct.ExitPath && llvm::isa<CXXConstructorDecl>(F))) {
          L.ReleasedElsewhere.push_back({F, &Fct});
          break;
        }
    }
    // A release written into the destructor must be right after every
    // constructor: one that sets the member to null is fine when the
    // release accepts null or the fix tests the member first.
    bool NullIsFine =
        Key.Family->ReleaseAcceptsNull || Key.Family->ReleaseNeedsNonNull;
    for (const CXXConstructorDecl *Ctor : Ctors) {
      CtorLeaves State = leaves(Ctor, Key);
      if (State == CtorLeaves::Acquired || State == CtorLeaves::TakenOver ||
          (State == CtorLeaves::Null && NullIsFine))
        continue;
      L.NotAcquiringCtor = Ctor;
      L.NotAcquiringLeaves = State;
      break;
    }
    Result.push_back(std::move(L));
  }
  return Result;
}

std::vector<UnacquiredRelease> ClassAnalysis::releasesWithoutAcquire() {
  std::vector<UnacquiredRelease> Result;
  const DestructorInfo &Dtor = destructor();
  if (Dtor.Kind != DestructorKind::Defined)
    return Result;
  const Closure *DC = closureOf(Dtor.Def);
  llvm::ArrayRef<const CXXConstructorDecl *> Ctors = constructors();
  for (const ResourceKey &Key : acquiredResources()) {
    if (Members[Key.Member].InheritedFrom)
      continue; // The base's own constructors are the base's to judge.
    const ReachedFact *Release = nullptr;
    for (const ReachedFact *R : DC->factsOf(Key.Member))
      if (R->F->Kind == FactKind::Release && R->F->Key == Key && !R->Guarded) {
        Release = R;
        break;
      }
    // Only a class that acquires the resource itself owns it.
    if (!Release || !acquiringConstructor(*this, Key, Ctors))
      continue;
    for (const CXXConstructorDecl *Ctor : Ctors) {
      // Null is a member's "holds nothing": releasing it is a no-op for
      // `free` and `delete`, an error for `fclose`.
      CtorLeaves State = leaves(Ctor, Key);
      if (State == CtorLeaves::Unacquired ||
          (State == CtorLeaves::Null && !Key.Family->ReleaseAcceptsNull))
        Result.push_back({Key, Ctor, Release});
    }
  }
  return Result;
}

std::vector<MismatchedRelease> ClassAnalysis::mismatchedReleases() {
  std::vector<MismatchedRelease> Result;
  llvm::ArrayRef<const CXXConstructorDecl *> Ctors = constructors();
  for (const ResourceKey &Key : acquiredResources()) {
    if (!Key.Family->Reported || Members[Key.Member].InheritedFrom)
      continue;
    const CXXConstructorDecl *Ctor = acquiringConstructor(*this, Key, Ctors);
    if (!Ctor)
      continue;
    const ReachedFact *Acquire = closureOf(Ctor)->first(FactKind::Acquire, Key);
    for (const FunctionDecl *F : definedMethods())
      for (const Fact &Fct : localFacts(F))
        if (Fct.Kind == FactKind::Release && Fct.Key.sameResource(Key) &&
            Fct.Key.Family != Key.Family)
          Result.push_back({Key, Ctor, Acquire, &Fct, F});
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
