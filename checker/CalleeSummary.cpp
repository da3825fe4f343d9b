//===--- CalleeSummary.cpp - raii-tidy ------------------------------------===//

#include "CalleeSummary.h"
#include "AstQueries.h"
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
  if (S.Roles.empty())
    if (const FunctionDecl *UserDef = userDefinition(FD)) {
      S.Roles = parameterReleases(*UserDef, *this);
      if (S.Roles.empty())
        S.OnlyUsedArgs = parametersOnlyUsed(*UserDef, *this);
    }
  Memo[&FD] = S;
  return S;
}

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
