//===--- Ownership.h - raii-tidy --------------------------------*- C++ -*-===//
//
// The ownership rules: what an expression or a call does to who owns a
// resource, independent of any family. The class analysis asks these
// questions while it turns function bodies into facts; the reporters ask
// whether a release they would write is certain to be right. The rule
// throughout: what cannot be proven owned is not reported, and "unknown"
// means "maybe released", never "leaked".
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_OWNERSHIP_H
#define RAII_TIDY_OWNERSHIP_H

#include "ResourceModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>

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

/// If \p E takes over the value of a field of another object of class
/// \p RD (`o.p_`, `std::exchange(o.p_, nullptr)`, `std::move(o.p_)`), that
/// field: a move or adopting constructor acquires what the other held.
const FieldDecl *takenOverField(const Expr *E, const CXXRecordDecl &RD);

/// True if the statement \p S leaves the enclosing function: a `throw`, a
/// `return`, a call of a `noreturn` function, or a block ending in one. A
/// constructor that releases a member on such a branch cleans up after a
/// failure; on the path that completes, the member is still owned.
bool leavesFunction(const Stmt *S);

/// What calling a method on an object that a pointer member points to does
/// to the object.
enum class ObjectEffect {
  None,    ///< Uses it: the body is known and never destroys the object.
  Deletes, ///< May destroy it: the body reaches `delete this`.
  Unknown, ///< May do anything: the body (or an overrider's) is not known,
           ///< or it hands `this` on.
};

/// The effect of calling \p M on an object (through the calls of its own
/// class's methods that its body makes), remembered per translation unit.
class ObjectEffects {
public:
  ObjectEffect of(const CXXMethodDecl &M);
  void clear() { Memo.clear(); }

private:
  llvm::DenseMap<const CXXMethodDecl *, ObjectEffect> Memo;
};

/// The definition of \p FD if it is a free function with a body written in
/// user code (not in a system header): such a function is judged by its
/// body, even when its name is a known API's (a file-local
/// `ReleaseMutex(pthread_mutex_t *)` is not Win32's).
const FunctionDecl *userDefinition(const FunctionDecl &FD);

/// The releases of its parameters that the user-defined function \p Def
/// makes (`void CloseIt(HANDLE h) { CloseHandle(h); }`, `delete p`), as
/// roles of \p Model's families at the parameters' indices.
llvm::SmallVector<FunctionRole, 2>
parameterReleases(const FunctionDecl &Def, const ResourceModel &Model);

/// The parameters (bit I for parameter I < 64) that the user-defined
/// function \p Def only uses, never keeping or releasing them: it reads
/// through them, compares or tests them, or passes them on only to
/// functions that use them (`EnterCriticalSection`, or another such
/// function of the user's). Passing the member to such a function is not a
/// hand-off.
uint64_t parametersOnlyUsed(const FunctionDecl &Def,
                            const ResourceModel &Model);

/// Why `delete` (\p Array: `delete[]`) of a member pointing to \p Pointee,
/// written in the destructor of \p Owner, could be wrong, given the types
/// the constructors allocate (\p Allocated); std::nullopt when it is right.
std::optional<std::string> whyDeleteIsUnsafe(QualType Pointee,
                                             llvm::ArrayRef<QualType> Allocated,
                                             bool Array,
                                             const CXXRecordDecl &Owner);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_OWNERSHIP_H
