//===--- AstQueries.h - raii-tidy -------------------------------*- C++ -*-===//
//
// Utilities: small questions about the AST that every layer asks, written
// once. None of them knows about resources.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_ASTQUERIES_H
#define RAII_TIDY_ASTQUERIES_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang::tidy::raii {

/// \p E without parentheses, casts, cleanups and single-element braces.
const Expr *stripped(const Expr *E);

/// True if \p E is `this` or `*this` (through parentheses and implicit
/// casts).
bool isThis(const Expr *E);

/// True if \p D is a non-static member function of \p RD, or with
/// \p MostDerived, of that class or one of its bases.
bool isOwnMethod(const Decl *D, const CXXRecordDecl &RD,
                 const CXXRecordDecl *MostDerived = nullptr);

/// True if \p F's name is the identifier \p Name.
bool isNamed(const FunctionDecl &F, llvm::StringRef Name);

/// True if \p D is declared in a system header.
bool inSystemHeader(const Decl &D);

/// True if \p RD derives, directly or not, from a class (or a class
/// template, or a typedef of one) named one of \p Names.
bool derivesFromNamed(const CXXRecordDecl &RD,
                      llvm::ArrayRef<std::string> Names, unsigned Depth = 0);

/// The definition that provides the body of \p FD, if there is one to
/// read: not only declared, parsed (not delayed), and valid.
const FunctionDecl *definitionWithBody(const FunctionDecl &FD);

/// The definition of \p FD if it is `= default`.
const FunctionDecl *defaultedDefinition(const FunctionDecl &FD);

/// The definition of \p FD if it is a free function with a body written in
/// user code (not in a system header): such a function is judged by its
/// body, even when its name is a known API's (a file-local
/// `ReleaseMutex(pthread_mutex_t *)` is not Win32's).
const FunctionDecl *userDefinition(const FunctionDecl &FD);

/// What returnOrTarget() meets first.
enum class FirstFound { Neither, Return, Target };

/// Searching \p S in source order, whether a `return` of the function it is
/// in (not one in a lambda's body or in a member function of a local class)
/// or the statement \p Target comes first.
FirstFound returnOrTarget(const Stmt &S, const Stmt *Target = nullptr);

/// True if \p S contains a `return` of the function it is in.
inline bool containsReturn(const Stmt &S) {
  return returnOrTarget(S) == FirstFound::Return;
}

/// The constructors whose effect on members the analysis judges: declared by
/// the user, not deleted, and not private without a definition (the C++03
/// idiom for a class that cannot be copied).
llvm::SmallVector<const CXXConstructorDecl *, 4>
userWrittenConstructors(const CXXRecordDecl &RD);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_ASTQUERIES_H
