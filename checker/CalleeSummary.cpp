//===--- CalleeSummary.cpp - raii-tidy ------------------------------------===//

#include "CalleeSummary.h"
#include "AstQueries.h"
#include "Ownership.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::raii {

namespace {

/// Finds what a function body releases among its parameters.
class ParameterReleaseFinder
    : public RecursiveASTVisitor<ParameterReleaseFinder> {
public:
  ParameterReleaseFinder(const FunctionDecl &Def, CalleeSummaries &Callees,
                         llvm::SmallVectorImpl<FunctionRole> &Out)
      : Def(Def), Callees(Callees), Out(Out) {}

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Callee == &Def)
      return true;
    for (const FunctionRole &R : Callees.of(*Callee).Roles)
      if (R.Kind == RoleKind::Release &&
          R.Family->ReleasedBy != ReleaseForm::Method &&
          R.ArgIndex < Call->getNumArgs())
        if (std::optional<unsigned> P = parameter(Call->getArg(R.ArgIndex)))
          add({R.Family, RoleKind::Release, *P});
    return true;
  }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *Delete) {
    if (const ResourceFamily *F =
            Callees.model().deleteFamily(Delete->isArrayForm()))
      if (std::optional<unsigned> P = parameter(Delete->getArgument()))
        add({F, RoleKind::Release, *P});
    return true;
  }

private:
  /// The index of the parameter \p E names, passed on unchanged.
  std::optional<unsigned> parameter(const Expr *E) const {
    const auto *Ref =
        llvm::dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenCasts() : E);
    const auto *Param =
        Ref ? llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    // A reference parameter is passed differently from the resource.
    if (!Param || Param->getType()->isReferenceType() ||
        Param->getDeclContext() != &Def)
      return std::nullopt;
    return Param->getFunctionScopeIndex();
  }
  void add(FunctionRole R) {
    for (const FunctionRole &O : Out)
      if (O.Family == R.Family && O.ArgIndex == R.ArgIndex)
        return;
    Out.push_back(R);
  }

  const FunctionDecl &Def;
  CalleeSummaries &Callees;
  llvm::SmallVectorImpl<FunctionRole> &Out;
};

} // namespace

static llvm::SmallVector<FunctionRole, 2>
parameterReleases(const FunctionDecl &Def, CalleeSummaries &Callees) {
  llvm::SmallVector<FunctionRole, 2> Roles;
  ParameterReleaseFinder(Def, Callees, Roles)
      .TraverseStmt(const_cast<Stmt *>(Def.getBody()));
  return Roles;
}

namespace {

/// The calls a body makes on every path that returns normally: not in a
/// branch of an `if`, `?:`, `&&`, `||`, `switch` or loop (the condition of
/// an `if` is evaluated on every path), in a handler, or after a `return`.
/// `if (pthread_mutex_init(m, 0) != 0) throw ..;` acquires unconditionally.
class UnconditionalCalls {
public:
  UnconditionalCalls(const Stmt &Body) : Body(Body) { walk(&Body, false); }
  llvm::ArrayRef<const Stmt *> sites() const { return Sites; }

private:
  void walk(const Stmt *S, bool Cond) {
    if (!S || llvm::isa<LambdaExpr, BlockExpr>(S))
      return;
    if (const auto *DS = llvm::dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (llvm::isa<CXXRecordDecl>(D))
          return;
    auto Branches = [&](std::initializer_list<const Stmt *> Always,
                        std::initializer_list<const Stmt *> Maybe) {
      for (const Stmt *C : Always)
        walk(C, Cond);
      for (const Stmt *C : Maybe)
        walk(C, true);
    };
    if (const auto *If = llvm::dyn_cast<IfStmt>(S))
      return Branches(
          {If->getInit(), If->getConditionVariableDeclStmt(), If->getCond()},
          {If->getThen(), If->getElse()});
    if (const auto *For = llvm::dyn_cast<ForStmt>(S))
      return Branches({For->getInit()},
                      {For->getCond(), For->getInc(), For->getBody()});
    if (const auto *While = llvm::dyn_cast<WhileStmt>(S))
      return Branches({While->getCond()}, {While->getBody()});
    if (const auto *Do = llvm::dyn_cast<DoStmt>(S))
      return Branches({Do->getBody(), Do->getCond()}, {});
    if (const auto *Range = llvm::dyn_cast<CXXForRangeStmt>(S))
      return Branches({Range->getInit(), Range->getRangeStmt()},
                      {Range->getBody()});
    if (const auto *Switch = llvm::dyn_cast<SwitchStmt>(S))
      return Branches({Switch->getInit(), Switch->getCond()},
                      {Switch->getBody()});
    if (const auto *CO = llvm::dyn_cast<AbstractConditionalOperator>(S))
      return Branches({CO->getCond()}, {CO->getTrueExpr(), CO->getFalseExpr()});
    if (const auto *BO = llvm::dyn_cast<BinaryOperator>(S);
        BO && BO->isLogicalOp())
      return Branches({BO->getLHS()}, {BO->getRHS()});
    if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(S)) {
      walk(Try->getTryBlock(), Cond);
      for (unsigned I = 0; I != Try->getNumHandlers(); ++I)
        walk(Try->getHandler(I), true);
      return;
    }
    if (!Cond && llvm::isa<CallExpr, CXXNewExpr>(S) &&
        returnOrTarget(Body, S) == FirstFound::Target)
      Sites.push_back(S);
    for (const Stmt *Child : S->children())
      walk(Child, Cond);
  }

  const Stmt &Body;
  llvm::SmallVector<const Stmt *, 8> Sites;
};

/// A parameter \p E names, passed on unchanged, in the function \p Def.
const ParmVarDecl *passedParameter(const Expr *E, const FunctionDecl &Def) {
  const auto *Ref =
      llvm::dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenCasts() : E);
  const auto *P = Ref ? llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!P || P->getType()->isReferenceType() || P->getDeclContext() != &Def)
    return nullptr;
  return P;
}

/// A wrapper that initializes through its parameter
/// (`void InitLock(CRITICAL_SECTION *cs) { InitializeCriticalSection(cs); }`)
/// acquires what its caller passes there, when it does so on every path
/// that returns.
void parameterAcquires(const FunctionDecl &Def, CalleeSummaries &Callees,
                       llvm::SmallVectorImpl<FunctionRole> &Roles) {
  UnconditionalCalls Calls(*Def.getBody());
  for (const Stmt *Site : Calls.sites()) {
    const auto *Call = llvm::dyn_cast<CallExpr>(Site);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || Callee == &Def || llvm::isa<CXXMemberCallExpr>(Call))
      continue;
    for (const FunctionRole &R : Callees.of(*Callee).Roles) {
      if (R.Kind != RoleKind::Acquire || R.Form != AcquireForm::OutParam ||
          R.ArgIndex >= Call->getNumArgs())
        continue;
      const ParmVarDecl *P = passedParameter(Call->getArg(R.ArgIndex), Def);
      if (!P || !P->getType()->isPointerType())
        continue;
      unsigned Index = P->getFunctionScopeIndex();
      if (llvm::none_of(Roles, [&](const FunctionRole &O) {
            return O.Family == R.Family && O.ArgIndex == Index &&
                   O.Kind == RoleKind::Acquire;
          }))
        Roles.push_back({R.Family, RoleKind::Acquire, Index,
                         R.Via ? R.Via : Call, AcquireForm::OutParam});
    }
  }
}

/// The family and API site of a fresh resource that \p E (a returned
/// value, or a local's initializer) acquires, or a null family.
std::pair<const ResourceFamily *, const Stmt *>
freshResource(const Expr *E, const FunctionDecl &Def,
              CalleeSummaries &Callees) {
  E = stripped(E);
  if (const auto *New = llvm::dyn_cast_or_null<CXXNewExpr>(E)) {
    if (!allocatesMemory(*New) || registersOwner(*New))
      return {nullptr, nullptr};
    return {Callees.model().newFamily(New->isArray()), New};
  }
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || Callee == &Def)
    return {nullptr, nullptr};
  for (const FunctionRole &R : Callees.of(*Callee).Roles)
    if (R.Kind == RoleKind::Acquire && R.Form == AcquireForm::ReturnValue &&
        !R.Family->isTyped())
      return {R.Family, R.Via ? R.Via : Call};
  return {nullptr, nullptr};
}

/// A factory of the user's (`char *MakeBuffer(size_t n) { return
/// (char *)malloc(n); }`): every `return` gives null or a fresh resource of
/// one family, directly or through a local that nothing else keeps.
std::optional<FunctionRole> returnedResource(const FunctionDecl &Def,
                                             CalleeSummaries &Callees) {
  QualType Ret = Def.getReturnType();
  if (Ret.isNull() || !Ret->isScalarType() || Ret->isBooleanType() ||
      llvm::isa<CXXMethodDecl>(Def))
    return std::nullopt;
  struct Returns : RecursiveASTVisitor<Returns> {
    llvm::SmallVector<const ReturnStmt *, 2> Found;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
    bool VisitReturnStmt(ReturnStmt *R) {
      Found.push_back(R);
      return true;
    }
  } R;
  R.TraverseStmt(const_cast<Stmt *>(Def.getBody()));
  const ResourceFamily *Family = nullptr;
  const Stmt *Via = nullptr;
  const ASTContext &Ctx = Def.getASTContext();
  for (const ReturnStmt *Return : R.Found) {
    const Expr *V = Return->getRetValue();
    if (!V || V->isValueDependent() || V->isTypeDependent())
      return std::nullopt;
    if (isNullValue(V, Ctx))
      continue;
    auto [F, Site] = freshResource(V, Def, Callees);
    if (!F) {
      // `T *p = new T; ...; return p;`
      const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(stripped(V));
      const auto *Local =
          Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (!Local || !Local->hasLocalStorage() ||
          llvm::isa<ParmVarDecl>(Local) || Local->getType()->isReferenceType())
        return std::nullopt;
      std::tie(F, Site) = freshResource(Local->getInit(), Def, Callees);
      if (!F || !onlyReadThrough(*Local, *Def.getBody(), 0))
        return std::nullopt;
    }
    if (Family && Family != F)
      return std::nullopt;
    Family = F;
    Via = Via ? Via : Site;
  }
  if (!Family)
    return std::nullopt;
  return FunctionRole{Family, RoleKind::Acquire, 0, Via,
                      AcquireForm::ReturnValue};
}

/// Counts the references to each parameter of a function, and those of
/// them that only use it.
class ParameterUseFinder : public RecursiveASTVisitor<ParameterUseFinder> {
public:
  ParameterUseFinder(const FunctionDecl &Def, CalleeSummaries &Callees)
      : Def(Def), Callees(Callees) {}

  llvm::SmallDenseMap<const ParmVarDecl *, unsigned, 4> Refs, Uses;

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *P = parameter(Ref))
      ++Refs[P];
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    // `p->f()`: what the method does to the object is not known here.
    if (llvm::isa<CXXMemberCallExpr>(Call))
      return true;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    CalleeSummary Info = Callees.of(*Callee);
    bool Acquires = llvm::any_of(Info.Roles, [](const FunctionRole &R) {
      return R.Kind == RoleKind::Acquire;
    });
    for (unsigned I = 0, N = Call->getNumArgs(); I != N; ++I) {
      bool Resource = llvm::any_of(
          Info.Roles, [&](const FunctionRole &R) { return R.ArgIndex == I; });
      bool OnlyUsed = Info.Use || (Acquires && !Resource) ||
                      (I < 64 && (Info.OnlyUsedArgs >> I & 1));
      if (OnlyUsed)
        use(Call->getArg(I));
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_LNot)
      use(UO->getSubExpr());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    // Reading a field through it (a call's callee is left out above).
    if (ME->isArrow() && !llvm::isa<CXXMethodDecl>(ME->getMemberDecl()))
      use(ME->getBase());
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *ASE) {
    use(ASE->getBase());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isComparisonOp() || B->isLogicalOp()) {
      use(B->getLHS());
      use(B->getRHS());
    }
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *Cast) {
    if (Cast->getCastKind() == CK_PointerToBoolean ||
        Cast->getCastKind() == CK_IntegralToBoolean)
      use(Cast->getSubExpr());
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

private:
  const ParmVarDecl *parameter(const Expr *E) const {
    const auto *Ref =
        llvm::dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenCasts() : E);
    const auto *P = Ref ? llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    return P && P->getDeclContext() == &Def ? P : nullptr;
  }
  void use(const Expr *E) {
    if (const ParmVarDecl *P = parameter(E))
      ++Uses[P];
  }

  const FunctionDecl &Def;
  CalleeSummaries &Callees;
};

} // namespace

static uint64_t parametersOnlyUsed(const FunctionDecl &Def,
                                   CalleeSummaries &Callees) {
  ParameterUseFinder Finder(Def, Callees);
  Finder.TraverseStmt(const_cast<Stmt *>(Def.getBody()));
  uint64_t Mask = 0;
  for (unsigned I = 0, N = std::min(Def.getNumParams(), 64u); I != N; ++I) {
    const ParmVarDecl *P = Def.getParamDecl(I);
    if (Finder.Uses.lookup(P) == Finder.Refs.lookup(P))
      Mask |= uint64_t(1) << I;
  }
  return Mask;
}

CalleeSummary CalleeSummaries::of(const FunctionDecl &FD) {
  if (auto It = Memo.find(&FD); It != Memo.end())
    return It->second;
  // While its body is read, a function is seen as doing nothing: this ends
  // the recursion of functions whose bodies call each other.
  Memo[&FD] = CalleeSummary();
  CalleeSummary S;
  static_cast<ResourceModel::Callee &>(S) = Model.lookup(FD);
  // What the user's function releases among its parameters
  // (`void CloseIt(HANDLE h) { CloseHandle(h); }`), or only uses.
  if (S.Roles.empty()) {
    if (const FunctionDecl *UserDef = userDefinition(FD)) {
      S.Roles = parameterReleases(*UserDef, *this);
      parameterAcquires(*UserDef, *this, S.Roles);
      if (std::optional<FunctionRole> Factory =
              returnedResource(*UserDef, *this))
        S.Roles.push_back(*Factory);
      if (S.Roles.empty())
        S.OnlyUsedArgs = parametersOnlyUsed(*UserDef, *this);
    } else if (External && !S.Use && !S.FreesArg && !S.ReallocArg) {
      // A function of the user's defined in another translation unit.
      if (std::optional<CalleeSummary> Stored = External->calleeOf(FD, Model))
        S = *Stored;
    }
  }
  Memo[&FD] = S;
  return S;
}

ExternalCallees::~ExternalCallees() = default;

namespace {

/// Walks a method body for what it does to its own object.
class ObjectWalker : public RecursiveASTVisitor<ObjectWalker> {
public:
  explicit ObjectWalker(const CXXRecordDecl &RD) : RD(RD) {}

  bool Deletes = false, Unknown = false;
  llvm::SmallVector<const CXXMethodDecl *, 4> Called;

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitCXXDeleteExpr(CXXDeleteExpr *Delete) {
    Deletes |= isThis(Delete->getArgument());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const Decl *Callee = Call->getCalleeDecl();
    const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee);
    bool OwnClass =
        Method && !Method->isStatic() &&
        (Method->getParent()->getCanonicalDecl() == RD.getCanonicalDecl() ||
         RD.isDerivedFrom(Method->getParent()));
    if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(Call);
        MC && OwnClass && isThis(MC->getImplicitObjectArgument())) {
      Called.push_back(Method);
      return true;
    }
    // `this` handed to anything else may be kept or destroyed there.
    for (const Expr *Arg : Call->arguments())
      if (isThis(Arg)) {
        Unknown = true;
        break;
      }
    return true;
  }

private:
  const CXXRecordDecl &RD;
};

/// Methods followed from one call before the effect is taken as unknown.
constexpr unsigned MaxFollowedMethods = 64;

} // namespace

ObjectEffect ObjectEffects::of(const CXXMethodDecl &M) {
  const CXXMethodDecl *Key = M.getCanonicalDecl();
  if (auto It = Memo.find(Key); It != Memo.end())
    return It->second;
  ObjectEffect Result = ObjectEffect::None;
  llvm::SmallPtrSet<const CXXMethodDecl *, 8> Seen;
  llvm::SmallVector<const CXXMethodDecl *, 8> Work{Key};
  bool Deletes = false, Unknown = false;
  while (!Work.empty() && !Deletes) {
    const CXXMethodDecl *Method = Work.pop_back_val();
    if (!Seen.insert(Method->getCanonicalDecl()).second)
      continue;
    if (Seen.size() > MaxFollowedMethods) {
      Unknown = true;
      break;
    }
    // An overrider this translation unit may not show could do anything.
    if (Method->isVirtual() && !Method->hasAttr<FinalAttr>() &&
        !Method->getParent()->hasAttr<FinalAttr>()) {
      Unknown = true;
      continue;
    }
    // The standard library and system APIs never destroy the object a
    // non-virtual method is called on.
    if (inSystemHeader(*Method))
      continue;
    const FunctionDecl *Def = definitionWithBody(*Method);
    if (!Def) {
      Unknown = true;
      continue;
    }
    ObjectWalker W(*Method->getParent());
    W.TraverseStmt(Def->getBody());
    Deletes |= W.Deletes;
    Unknown |= W.Unknown;
    for (const CXXMethodDecl *Called : W.Called)
      Work.push_back(Called);
  }
  if (Deletes)
    Result = ObjectEffect::Deletes;
  else if (Unknown)
    Result = ObjectEffect::Unknown;
  Memo[Key] = Result;
  return Result;
}

} // namespace clang::tidy::raii
