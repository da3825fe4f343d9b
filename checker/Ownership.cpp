//===--- Ownership.cpp - raii-tidy ----------------------------------------===//

#include "Ownership.h"
#include "AstQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::raii {

bool allocatesMemory(const CXXNewExpr &New) {
  if (New.getNumPlacementArgs() == 0)
    return true;
  // `new (std::nothrow) T` and the aligned forms call a replaceable global
  // allocation function; every other placement form constructs in memory
  // someone else provides.
  const FunctionDecl *Op = New.getOperatorNew();
  return Op && Op->isReplaceableGlobalAllocationFunction();
}

namespace {

/// `new Child(parent)`: an argument that may be the new object's owner, a
/// pointer to an object of a polymorphic class (Qt's `QObject *parent`),
/// not null.
bool isOwnerArgument(const Expr *Arg, const ASTContext &Ctx) {
  if (!Arg || llvm::isa<CXXDefaultArgExpr>(Arg) || Arg->isTypeDependent() ||
      Arg->getType().isNull() || !Arg->getType()->isPointerType() ||
      isNullValue(Arg, Ctx))
    return false;
  const CXXRecordDecl *RD = Arg->getType()->getPointeeCXXRecordDecl();
  return RD && RD->hasDefinition() && RD->isPolymorphic();
}

/// True if \p Param names \p E, passed on unchanged.
bool names(const Expr *E, const ParmVarDecl &Param) {
  const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(stripped(E));
  return Ref && Ref->getDecl() == &Param;
}

/// True if \p Def (a constructor) stores `this` or hands it to a call.
bool handsOffThis(const FunctionDecl &Def) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitCallExpr(CallExpr *Call) {
      for (const Expr *Arg : Call->arguments())
        Found |= isThis(Arg);
      return !Found;
    }
    bool VisitBinaryOperator(BinaryOperator *B) {
      Found |= B->isAssignmentOp() && isThis(B->getRHS());
      return !Found;
    }
  } F;
  F.TraverseStmt(const_cast<Stmt *>(Def.getBody()));
  return F.Found;
}

/// True if the constructor or function \p Def keeps \p Param: stores it,
/// hands it to a call or a base's constructor (`QObject(parent)`), or
/// registers `this` while it refers to it.
bool keepsParameter(const FunctionDecl &Def, const ParmVarDecl &Param) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ParmVarDecl *P = nullptr;
    bool Kept = false;
    bool VisitCallExpr(CallExpr *Call) {
      for (const Expr *Arg : Call->arguments())
        Kept |= names(Arg, *P);
      return !Kept;
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
      for (const Expr *Arg : Construct->arguments())
        Kept |= names(Arg, *P);
      return !Kept;
    }
    bool VisitBinaryOperator(BinaryOperator *B) {
      Kept |= B->isAssignmentOp() && names(B->getRHS(), *P);
      return !Kept;
    }
  } F;
  F.P = &Param;
  if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&Def))
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      if (!Init->isWritten() || !Init->getInit())
        continue;
      if (names(Init->getInit(), Param))
        return true;
      F.TraverseStmt(const_cast<Expr *>(Init->getInit()));
    }
  if (!F.Kept)
    F.TraverseStmt(const_cast<Stmt *>(Def.getBody()));
  // `Parent->children_ = this`: the object registers with what it is given.
  return F.Kept || (Param.isReferenced() && handsOffThis(Def));
}

} // namespace

bool registersOwner(const CXXNewExpr &New) {
  const Expr *Init = New.getInitializer();
  if (!Init)
    return false;
  Init = Init->IgnoreImplicit();
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Init)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    for (unsigned I = 0, N = Construct->getNumArgs(); I != N; ++I) {
      bool This = isThis(Construct->getArg(I));
      if (!This && !(Ctor && isOwnerArgument(Construct->getArg(I),
                                             Ctor->getASTContext())))
        continue;
      const FunctionDecl *Def = Ctor ? definitionWithBody(*Ctor) : nullptr;
      if (!Def || I >= Def->getNumParams())
        return true;
      // Any use of `this` may keep it; another owner must be kept.
      const ParmVarDecl *Param = Def->getParamDecl(I);
      if (This ? Param->isReferenced() : keepsParameter(*Def, *Param))
        return true;
    }
    return false;
  }
  // An aggregate or a dependent initializer: `this` may be stored.
  for (const Stmt *Child : Init->children())
    if (const auto *E = llvm::dyn_cast_or_null<Expr>(Child); E && isThis(E))
      return true;
  return isThis(Init);
}

namespace {

/// Counts the references to a local, and those that only read through it,
/// test it or return it.
class LocalUses : public RecursiveASTVisitor<LocalUses> {
public:
  explicit LocalUses(const VarDecl &Var) : Var(Var) {}
  unsigned Refs = 0, Uses = 0;

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    Refs += Ref->getDecl() == &Var;
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *Ret) {
    use(Ret->getRetValue());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_LNot)
      use(UO->getSubExpr());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (ME->isArrow())
      use(ME->getBase());
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *ASE) {
    use(ASE->getBase());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isComparisonOp()) {
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

private:
  void use(const Expr *E) {
    const auto *Ref =
        llvm::dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenCasts() : E);
    // (`!p` is seen as a negation and as a test of its operand.)
    if (Ref && Ref->getDecl() == &Var && Used.insert(Ref).second)
      ++Uses;
  }
  llvm::SmallPtrSet<const DeclRefExpr *, 4> Used;
  const VarDecl &Var;
};

} // namespace

bool onlyReadThrough(const VarDecl &Var, const Stmt &Body, unsigned Besides) {
  LocalUses Uses(Var);
  Uses.TraverseStmt(const_cast<Stmt *>(&Body));
  return Uses.Refs == Uses.Uses + Besides;
}

bool isNullValue(const Expr *E, const ASTContext &Ctx) {
  // `p_(0)`, `p_{0}`, and in a template pattern `p_(nullptr)` as a list.
  E = stripped(E);
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

} // namespace clang::tidy::raii
