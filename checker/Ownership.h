//===--- Ownership.h - raii-tidy --------------------------------*- C++ -*-===//
//
// The ownership rules: what one expression does to who owns a resource,
// independent of any family and of any class being judged (a null value, a
// take-over from another object, an allocation someone else owns, a branch
// that leaves the function). The function summaries ask these questions
// while they turn bodies into facts. The rule throughout: what cannot be
// proven owned is not reported, and "unknown" means "maybe released", never
// "leaked".
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_OWNERSHIP_H
#define RAII_TIDY_OWNERSHIP_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::raii {

/// True if \p New takes memory that `delete` gives back: any new-expression
/// but placement new (`new (buf) T`, `new (pool) T`); `new (std::nothrow) T`
/// allocates.
bool allocatesMemory(const CXXNewExpr &New);

/// True if \p New gives `this` (or `*this`) to the constructor of what it
/// creates, and that constructor may keep it (its body is not available, or
/// it uses the parameter): the new object may be registered with its owner,
/// which then releases it (`m_p = new Item(this)`).
bool registersOwner(const CXXNewExpr &New);

/// True if \p E is a null value a pointer, handle or descriptor member is
/// set to when it holds nothing: `nullptr`, `0`, `NULL`, `-1` (a closed
/// descriptor, `INVALID_HANDLE_VALUE`), through casts.
bool isNullValue(const Expr *E, const ASTContext &Ctx);

/// True if every reference to the local \p Var in \p Body but \p Besides
/// of them only reads through it, tests it or returns it: the local keeps
/// nothing (`T *tmp; m_ = tmp = new T[n];`, `T *p = new T; return p;`).
bool onlyReadThrough(const VarDecl &Var, const Stmt &Body, unsigned Besides);

/// If \p E takes over the value of a field of another object of class
/// \p RD (`o.p_`, `std::exchange(o.p_, nullptr)`, `std::move(o.p_)`), that
/// field: a move or adopting constructor acquires what the other held.
const FieldDecl *takenOverField(const Expr *E, const CXXRecordDecl &RD);

/// True if the statement \p S leaves the enclosing function: a `throw`, a
/// `return`, a call of a `noreturn` function, or a block ending in one. A
/// constructor that releases a member on such a branch cleans up after a
/// failure; on the path that completes, the member is still owned.
bool leavesFunction(const Stmt *S);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_OWNERSHIP_H
