//===--- CopyOperations.h - raii-tidy ---------------------------*- C++ -*-===//
//
// Class analysis of copies: what copying a class does (its copy constructor
// and copy assignment operator: deleted or user-written, implicit, or
// defaulted) and whether this translation unit copies or moves it.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_COPYOPERATIONS_H
#define RAII_TIDY_COPYOPERATIONS_H

#include "clang/AST/DeclCXX.h"

namespace clang::tidy::raii {

/// What copying a class does, per copy operation.
enum class CopyKind {
  Safe,      ///< Deleted, user-written, or declared and never defined.
  Implicit,  ///< Not user-declared, and not deleted.
  Defaulted, ///< `= default` and not deleted.
};

struct CopyOperation {
  CopyKind Kind = CopyKind::Safe;
  const CXXMethodDecl *Decl = nullptr;       ///< The user declaration, if any.
  const FunctionDecl *DefaultedAt = nullptr; ///< Where `= default` is.
  bool Used = false; ///< Copied in this translation unit.
};

/// The copy constructor of \p RD. (Sema declares implicit copy operations
/// lazily; when it has not, the class data says whether the implicit one
/// would be deleted.)
CopyOperation copyConstructor(const CXXRecordDecl &RD);
/// The copy assignment operator of \p RD.
CopyOperation copyAssignment(const CXXRecordDecl &RD);

/// True if this translation unit moves the class through an implicit move
/// operation, which declaring the copy operations would remove.
bool implicitMoveUsed(const CXXRecordDecl &RD);

/// Whether some instantiation of the class template \p RD is the pattern of
/// copies or moves in this translation unit.
bool instantiationCopied(const CXXRecordDecl &RD);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_COPYOPERATIONS_H
