//===--- AstQueries.cpp - raii-tidy ---------------------------------------===//

#include "AstQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::raii {

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
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  return llvm::isa<CXXThisExpr>(E);
}

bool isOwnMethod(const Decl *D, const CXXRecordDecl &RD,
                 const CXXRecordDecl *MostDerived) {
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

bool isNamed(const FunctionDecl &F, llvm::StringRef Name) {
  const IdentifierInfo *II = F.getIdentifier();
  return II && II->getName() == Name;
}

bool inSystemHeader(const Decl &D) {
  const SourceManager &SM = D.getASTContext().getSourceManager();
  return SM.isInSystemHeader(SM.getExpansionLoc(D.getLocation()));
}

const FunctionDecl *definitionWithBody(const FunctionDecl &FD) {
  const FunctionDecl *Def = nullptr;
  // A delayed body not yet parsed has no body; a parsed function-try-block
  // keeps the delayed flag (DelayedTemplates.h).
  if (!FD.hasBody(Def) || !Def || Def->isInvalidDecl() || !Def->getBody())
    return nullptr;
  return Def;
}

const FunctionDecl *defaultedDefinition(const FunctionDecl &FD) {
  const FunctionDecl *Def = nullptr;
  if (FD.isDefined(Def) && Def && Def->isExplicitlyDefaulted())
    return Def;
  return nullptr;
}

const FunctionDecl *userDefinition(const FunctionDecl &FD) {
  // Methods are named by their class (`CComCriticalSection::Term`), which a
  // user's function does not share by accident.
  if (llvm::isa<CXXMethodDecl>(FD))
    return nullptr;
  const FunctionDecl *Def = definitionWithBody(FD);
  if (!Def || inSystemHeader(*Def))
    return nullptr;
  return Def;
}

namespace {

/// Finds, in traversal order, the first `return` of the function being
/// searched, or the statement Target.
class ReturnFinder : public RecursiveASTVisitor<ReturnFinder> {
public:
  const Stmt *Target = nullptr;
  FirstFound Found = FirstFound::Neither;
  bool VisitStmt(Stmt *S) {
    if (llvm::isa<ReturnStmt>(S))
      Found = FirstFound::Return;
    else if (S == Target)
      Found = FirstFound::Target;
    return Found == FirstFound::Neither;
  }
  // A lambda and the methods of a local class return from themselves.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
};

} // namespace

FirstFound returnOrTarget(const Stmt &S, const Stmt *Target) {
  ReturnFinder Finder;
  Finder.Target = Target;
  Finder.TraverseStmt(const_cast<Stmt *>(&S));
  return Finder.Found;
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

bool derivesFromNamed(const CXXRecordDecl &RD,
                      llvm::ArrayRef<std::string> Names, unsigned Depth) {
  const CXXRecordDecl *Def = RD.getDefinition();
  if (!Def || Depth > 32)
    return false;
  auto Named = [&](const NamedDecl *D) {
    return D && D->getIdentifier() && llvm::is_contained(Names, D->getName());
  };
  for (const CXXBaseSpecifier &B : Def->bases()) {
    QualType T = B.getType();
    if (const auto *TT = T->getAs<TypedefType>(); TT && Named(TT->getDecl()))
      return true;
    if (const auto *TST = T->getAs<TemplateSpecializationType>();
        TST && Named(TST->getTemplateName().getAsTemplateDecl()))
      return true;
    const CXXRecordDecl *Base = T->getAsCXXRecordDecl();
    if (Base && (Named(Base) || derivesFromNamed(*Base, Names, Depth + 1)))
      return true;
  }
  return false;
}

} // namespace clang::tidy::raii
