//===--- CopyOperations.cpp - raii-tidy -----------------------------------===//

#include "CopyOperations.h"
#include "AstQueries.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::raii {

static CopyOperation judge(const CXXMethodDecl *UserDecl,
                           const CXXMethodDecl *ImplicitDecl,
                           bool ImplicitIsDeleted) {
  CopyOperation Op;
  if (UserDecl) {
    // User-written, deleted, or declared and never defined (the C++03
    // idiom): safe. Only `= default`, in the class or out of line, copies
    // the resource.
    Op.Decl = UserDecl;
    const FunctionDecl *Def = defaultedDefinition(*UserDecl);
    if (!UserDecl->isDeleted() && (UserDecl->isExplicitlyDefaulted() || Def)) {
      Op.Kind = CopyKind::Defaulted;
      Op.DefaultedAt = UserDecl->isExplicitlyDefaulted() ? UserDecl : Def;
      Op.Used = UserDecl->isUsed();
    }
    return Op;
  }
  if (ImplicitDecl) {
    if (!ImplicitDecl->isDeleted()) {
      Op.Kind = CopyKind::Implicit;
      Op.Used = ImplicitDecl->isUsed();
    }
    return Op;
  }
  if (!ImplicitIsDeleted)
    Op.Kind = CopyKind::Implicit;
  return Op;
}

/// The copy operation of \p RD that \p IsCopy selects. Sema declares
/// implicit copy operations lazily; when it has not, \p ImplicitIsDeleted
/// says from the class data whether the implicit one would be deleted.
static CopyOperation
copyOperation(const CXXRecordDecl &RD,
              llvm::function_ref<bool(const CXXMethodDecl &)> IsCopy,
              bool ImplicitIsDeleted) {
  const CXXMethodDecl *User = nullptr, *Implicit = nullptr;
  for (const CXXMethodDecl *M : RD.methods())
    if (IsCopy(*M))
      (M->isImplicit() ? Implicit : User) = M;
  return judge(User, Implicit, ImplicitIsDeleted);
}

// When a copy operation needs overload resolution, Sema declares it eagerly
// and it is among the methods; otherwise the class data is reliable.
CopyOperation copyConstructor(const CXXRecordDecl &RD) {
  return copyOperation(
      RD,
      [](const CXXMethodDecl &M) {
        const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&M);
        return Ctor && Ctor->isCopyConstructor();
      },
      RD.needsOverloadResolutionForCopyConstructor() ||
          RD.defaultedCopyConstructorIsDeleted());
}

CopyOperation copyAssignment(const CXXRecordDecl &RD) {
  return copyOperation(
      RD, [](const CXXMethodDecl &M) { return M.isCopyAssignmentOperator(); },
      RD.needsOverloadResolutionForCopyAssignment() ||
          !RD.hasSimpleCopyAssignment());
}

bool implicitMoveUsed(const CXXRecordDecl &RD) {
  for (const CXXMethodDecl *M : RD.methods())
    if (M->isImplicit() && M->isUsed() &&
        (M->isMoveAssignmentOperator() ||
         (llvm::isa<CXXConstructorDecl>(M) &&
          llvm::cast<CXXConstructorDecl>(M)->isMoveConstructor())))
      return true;
  return false;
}

bool instantiationCopied(const CXXRecordDecl &RD) {
  const ClassTemplateDecl *CTD = RD.getDescribedClassTemplate();
  if (!CTD)
    return false;
  for (const ClassTemplateSpecializationDecl *Spec : CTD->specializations())
    for (const CXXMethodDecl *M : Spec->methods()) {
      const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(M);
      if (M->isUsed() &&
          ((Ctor && Ctor->isCopyOrMoveConstructor()) ||
           M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator()))
        return true;
    }
  return false;
}

} // namespace clang::tidy::raii
