//===--- BodyWalk.cpp - raii-tidy -----------------------------------------===//

#include "BodyWalk.h"
#include "AstQueries.h"
#include "Ownership.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::raii {

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
  if (const FunctionDecl *Def = defaultedDefinition(*Info.Decl)) {
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

bool ClassBodies::constructorsMayAcquire(CalleeSummaries &Callees) {
  const ResourceModel &Model = Callees.model();
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
          for (const FunctionRole &R : Callees.of(*Callee).Roles)
            if (R.Kind == RoleKind::Acquire && Reported(R.Family))
              return true;
    for (const MethodCall &Call : W.Calls)
      if (const FunctionDecl *CalleeDef = definition(Call.Callee))
        Work.push_back(CalleeDef);
  }
  return false;
}

const FunctionDecl *ClassBodies::definition(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  auto [It, New] = Definitions.try_emplace(FD, nullptr);
  if (New)
    It->second = definitionWithBody(*FD);
  return It->second;
}

} // namespace clang::tidy::raii
