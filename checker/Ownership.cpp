//===--- Ownership.cpp - raii-tidy ----------------------------------------===//

#include "Ownership.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::raii {

namespace {

bool isThisArgument(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  return llvm::isa<CXXThisExpr>(E);
}

bool inSystemHeader(const Decl &D) {
  const SourceManager &SM = D.getASTContext().getSourceManager();
  return SM.isInSystemHeader(SM.getExpansionLoc(D.getLocation()));
}

/// The definition of \p FD with a parsed body, if any.
const FunctionDecl *definitionOf(const FunctionDecl &FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD.hasBody(Def) || !Def || Def->isLateTemplateParsed() ||
      Def->isInvalidDecl() || !Def->getBody())
    return nullptr;
  return Def;
}

} // namespace

bool allocatesMemory(const CXXNewExpr &New) {
  if (New.getNumPlacementArgs() == 0)
    return true;
  // `new (std::nothrow) T` and the aligned forms call a replaceable global
  // allocation function; every other placement form constructs in memory
  // someone else provides.
  const FunctionDecl *Op = New.getOperatorNew();
  return Op && Op->isReplaceableGlobalAllocationFunction();
}

bool registersOwner(const CXXNewExpr &New) {
  const Expr *Init = New.getInitializer();
  if (!Init)
    return false;
  Init = Init->IgnoreImplicit();
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Init)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    for (unsigned I = 0, N = Construct->getNumArgs(); I != N; ++I) {
      if (!isThisArgument(Construct->getArg(I)))
        continue;
      const FunctionDecl *Def = Ctor ? definitionOf(*Ctor) : nullptr;
      if (!Def || I >= Def->getNumParams())
        return true;
      // Any use of the parameter may keep it.
      if (Def->getParamDecl(I)->isReferenced())
        return true;
    }
    return false;
  }
  // An aggregate or a dependent initializer: `this` may be stored.
  for (const Stmt *Child : Init->children())
    if (const auto *E = llvm::dyn_cast_or_null<Expr>(Child);
        E && isThisArgument(E))
      return true;
  return isThisArgument(Init);
}

bool isNullValue(const Expr *E, const ASTContext &Ctx) {
  // `p_(0)`, `p_{0}`, and in a template pattern `p_(nullptr)` as a list.
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *List = llvm::dyn_cast<InitListExpr>(E);
        List && List->getNumInits() == 1)
      E = List->getInit(0);
    else if (const auto *Parens = llvm::dyn_cast<ParenListExpr>(E);
             Parens && Parens->getNumExprs() == 1)
      E = Parens->getExpr(0);
    else
      break;
  }
  if (!E)
    return false;
  // `p_{}`, `p_()`: value-initialized, null.
  if (const auto *List = llvm::dyn_cast<InitListExpr>(E))
    return List->getNumInits() == 0 && !List->getType().isNull() &&
           List->getType()->isScalarType();
  if (llvm::isa<CXXNullPtrLiteralExpr, GNUNullExpr, ImplicitValueInitExpr,
                CXXScalarValueInitExpr>(E))
    return true;
  if (E->getType().isNull() || E->isValueDependent() || E->isTypeDependent() ||
      E->containsErrors() || !E->getType()->isIntegralOrEnumerationType())
    return false;
  Expr::EvalResult Result;
  if (!E->EvaluateAsInt(Result, Ctx) || !Result.Val.isInt())
    return false;
  const llvm::APSInt &V = Result.Val.getInt();
  return V.isZero() || V.isAllOnes();
}

const FieldDecl *takenOverField(const Expr *E, const CXXRecordDecl &RD) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenCasts();
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
    auto IsStdMove = [](const NamedDecl *D) {
      const auto *FD =
          D ? llvm::dyn_cast<FunctionDecl>(D->getAsFunction()) : nullptr;
      return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
             (FD->getName() == "exchange" || FD->getName() == "move");
    };
    bool Moves = IsStdMove(Call->getDirectCallee());
    // In a template pattern the call may not be resolved yet.
    if (const auto *Lookup = llvm::dyn_cast<UnresolvedLookupExpr>(
            Call->getCallee()->IgnoreParenImpCasts()))
      Moves = llvm::any_of(Lookup->decls(), IsStdMove);
    if (!Moves || Call->getNumArgs() == 0)
      return nullptr;
    E = Call->getArg(0)->IgnoreParenCasts();
  }
  // In a template pattern, `o.p_` of the current instantiation may still be
  // dependent: the field is found by name.
  if (const auto *Dep = llvm::dyn_cast<CXXDependentScopeMemberExpr>(E)) {
    const Expr *Base = Dep->isImplicitAccess()
                           ? nullptr
                           : Dep->getBase()->IgnoreParenImpCasts();
    const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(Base);
    if (!Ref || !llvm::isa<VarDecl>(Ref->getDecl()) ||
        !Dep->getMember().isIdentifier())
      return nullptr;
    for (const NamedDecl *ND : RD.lookup(Dep->getMember()))
      if (const auto *Field = llvm::dyn_cast<FieldDecl>(ND))
        return Field;
    return nullptr;
  }
  const auto *ME = llvm::dyn_cast<MemberExpr>(E);
  if (!ME)
    return nullptr;
  const auto *FD = llvm::dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD || FD->getParent()->getCanonicalDecl() != RD.getCanonicalDecl())
    return nullptr;
  // Another object of the class: a parameter or a local, not `this`.
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(Base);
      UO && UO->getOpcode() == UO_Deref)
    Base = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Base);
  return Ref && llvm::isa<VarDecl>(Ref->getDecl()) ? FD : nullptr;
}

bool leavesFunction(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(S))
    return !Block->body_empty() && leavesFunction(Block->body_back());
  if (llvm::isa<ReturnStmt>(S))
    return true;
  const auto *E = llvm::dyn_cast<Expr>(S);
  if (!E)
    return false;
  E = E->IgnoreImplicit()->IgnoreParenCasts();
  if (llvm::isa<CXXThrowExpr>(E))
    return true;
  const auto *Call = llvm::dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->isNoReturn();
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
    Deletes |= isThisArgument(Delete->getArgument());
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
        MC && OwnClass && isThisArgument(MC->getImplicitObjectArgument())) {
      Called.push_back(Method);
      return true;
    }
    // `this` handed to anything else may be kept or destroyed there.
    for (const Expr *Arg : Call->arguments())
      if (isThisArgument(Arg)) {
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
    const FunctionDecl *Def = definitionOf(*Method);
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

const FunctionDecl *userDefinition(const FunctionDecl &FD) {
  // Methods are named by their class (`CComCriticalSection::Term`), which a
  // user's function does not share by accident.
  if (llvm::isa<CXXMethodDecl>(FD))
    return nullptr;
  const FunctionDecl *Def = definitionOf(FD);
  if (!Def || inSystemHeader(*Def))
    return nullptr;
  return Def;
}

namespace {

/// Finds what a function body releases among its parameters.
class ParameterReleaseFinder
    : public RecursiveASTVisitor<ParameterReleaseFinder> {
public:
  ParameterReleaseFinder(const FunctionDecl &Def, const ResourceModel &Model,
                         llvm::SmallVectorImpl<FunctionRole> &Out)
      : Def(Def), Model(Model), Out(Out) {}

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Callee == &Def)
      return true;
    for (const FunctionRole &R : Model.callee(*Callee).Roles)
      if (R.Kind == RoleKind::Release &&
          R.Family->ReleasedBy != ReleaseForm::Method &&
          R.ArgIndex < Call->getNumArgs())
        if (std::optional<unsigned> P = parameter(Call->getArg(R.ArgIndex)))
          add({R.Family, RoleKind::Release, *P});
    return true;
  }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *Delete) {
    if (const ResourceFamily *F = Model.deleteFamily(Delete->isArrayForm()))
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
  const ResourceModel &Model;
  llvm::SmallVectorImpl<FunctionRole> &Out;
};

} // namespace

llvm::SmallVector<FunctionRole, 2>
parameterReleases(const FunctionDecl &Def, const ResourceModel &Model) {
  llvm::SmallVector<FunctionRole, 2> Roles;
  ParameterReleaseFinder(Def, Model, Roles)
      .TraverseStmt(const_cast<Stmt *>(Def.getBody()));
  return Roles;
}

namespace {

/// Counts the references to each parameter of a function, and those of
/// them that only use it.
class ParameterUseFinder : public RecursiveASTVisitor<ParameterUseFinder> {
public:
  ParameterUseFinder(const FunctionDecl &Def, const ResourceModel &Model)
      : Def(Def), Model(Model) {}

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
    ResourceModel::Callee Info = Model.callee(*Callee);
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
  const ResourceModel &Model;
};

} // namespace

uint64_t parametersOnlyUsed(const FunctionDecl &Def,
                            const ResourceModel &Model) {
  ParameterUseFinder Finder(Def, Model);
  Finder.TraverseStmt(const_cast<Stmt *>(Def.getBody()));
  uint64_t Mask = 0;
  for (unsigned I = 0, N = std::min(Def.getNumParams(), 64u); I != N; ++I) {
    const ParmVarDecl *P = Def.getParamDecl(I);
    if (Finder.Uses.lookup(P) == Finder.Refs.lookup(P))
      Mask |= uint64_t(1) << I;
  }
  return Mask;
}

namespace {

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

} // namespace

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

} // namespace clang::tidy::raii
