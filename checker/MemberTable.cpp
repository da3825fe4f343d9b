//===--- MemberTable.cpp - raii-tidy --------------------------------------===//

#include "MemberTable.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
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

MemberTable::MemberTable(const CXXRecordDecl &RD, const ResourceModel &Model)
    : Model(Model) {
  llvm::SmallVector<const FieldDecl *, 4> Prefix;
  collectMembers(RD, Prefix, 0);
  collectInherited(RD);
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

void MemberTable::collectMembers(
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

void MemberTable::collectInherited(const CXXRecordDecl &RD) {
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

std::optional<unsigned>
MemberTable::memberByPath(llvm::ArrayRef<const FieldDecl *> Path) const {
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

std::optional<unsigned> MemberTable::memberOf(const Expr *E) const {
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

std::optional<Designation> MemberTable::designate(const Expr *E,
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
    if (std::optional<unsigned> M = Var ? rangeMember(*Var) : std::nullopt)
      return Designation{*M, false};
    return std::nullopt;
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

/// The variable \p E names, through parentheses and implicit casts.
static const VarDecl *variableOf(const Expr *E) {
  const auto *DRE =
      E ? llvm::dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  return DRE ? llvm::dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

std::optional<unsigned> MemberTable::rangeMember(const VarDecl &Var) const {
  if (!Var.isCXXForRangeDecl())
    return std::nullopt;
  // `for (T &x : m)` over an array is `auto &&__range = m;
  // auto __begin = __range; ...; T &x = *__begin;`: from the loop variable
  // back to the range, in the AST alone.
  const auto *Deref =
      Var.getInit()
          ? llvm::dyn_cast<UnaryOperator>(Var.getInit()->IgnoreParenImpCasts())
          : nullptr;
  if (!Deref || Deref->getOpcode() != UO_Deref)
    return std::nullopt;
  const VarDecl *Begin = variableOf(Deref->getSubExpr());
  const VarDecl *Range = Begin ? variableOf(Begin->getInit()) : nullptr;
  if (!Range || !Range->getInit())
    return std::nullopt;
  std::optional<unsigned> M = memberOf(Range->getInit());
  if (M && Members[*M].ArrayRank)
    return M;
  return std::nullopt;
}

} // namespace clang::tidy::raii
