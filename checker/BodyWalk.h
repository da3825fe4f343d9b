//===--- BodyWalk.h - raii-tidy ---------------------------------*- C++ -*-===//
//
// Function summaries, part two: the walk of a function body. For one class,
// each body (and a constructor's initializers) is walked once, in source
// order, into events any resource model may care about (calls,
// assignments, deletes, ...) and the calls of the class's own member
// functions: the edges of its call graph. The walks know nothing of
// resources; FunctionSummary.h turns them into facts for one model. Also
// here: what the pass knows of the whole translation unit (derived classes,
// object effects, NOLINT comments).
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_BODYWALK_H
#define RAII_TIDY_BODYWALK_H

#include "CalleeSummary.h"
#include "ResourceModel.h"
#include "SourceText.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::raii {

/// A call of a member function of the class on `this`: an edge of the
/// class's call graph.
struct MethodCall {
  const FunctionDecl *Callee;
  const Stmt *Site;
  bool Guarded;
  /// Inside a lambda: it runs later, or never.
  bool Deferred = false;
};

/// What the destructor of a class is, as far as this translation unit shows.
enum class DestructorKind {
  Implicit,    ///< Not user-declared.
  Defaulted,   ///< `= default`, in the class or out of line.
  Defined,     ///< A body in this translation unit.
  Unavailable, ///< Declared, but its body is elsewhere or not parsed.
  External,    ///< Its body is in another translation unit, whose project
               ///< facts say what it does (ClassAnalysis::destructor()).
  Deleted,     ///< `= delete`: objects are never destroyed.
};

struct DestructorInfo {
  DestructorKind Kind = DestructorKind::Implicit;
  const CXXDestructorDecl *Decl = nullptr; ///< The user declaration.
  const FunctionDecl *Def = nullptr;       ///< Body or `= default` decl.
};

/// One thing in a function body that some resource model may care about.
struct BodyEvent {
  enum Kind : unsigned char {
    Call,        ///< A CallExpr (also member and operator calls).
    Assign,      ///< A BinaryOperator `=`.
    Delete,      ///< A CXXDeleteExpr.
    VarInit,     ///< A VarDecl with an initializer.
    FunctionRef, ///< A DeclRefExpr to a function, not as a call's callee.
    RangeFor,    ///< A CXXForRangeStmt, before its loop variable.
    MemberInit,  ///< A CXXCtorInitializer, with Init its expression.
    Broken,      ///< A RecoveryExpr: code that does not compile.
  };
  Kind K;
  bool Guarded;  ///< Inside an if, ?:, &&, ||, switch or catch.
  bool ExitPath; ///< On a branch that leaves the function.
  bool Deferred; ///< Inside a lambda.
  const void *Node;
  const Expr *Init = nullptr;
};

struct BodyWalk {
  /// In source order: the order in which facts are reached.
  llvm::SmallVector<BodyEvent, 8> Events;
  llvm::SmallVector<MethodCall, 2> Calls;
  /// Has a new-expression, a new[]-expression.
  bool HasNew = false, HasNewArray = false;
  /// Calls through a function pointer, a pointer to member function or a
  /// callable object: any method whose address the class takes may run.
  bool IndirectCall = false;
  /// Member functions of the class whose address it takes.
  llvm::SmallVector<const FunctionDecl *, 1> AddressTaken;
};

/// What the pass knows of the translation unit beyond one class: what
/// methods do to the objects they are called on, and which classes derive
/// from which (built on first use, by walking the analysed classes).
class TranslationUnitIndex {
public:
  using ClassVisitor = llvm::function_ref<void(const CXXRecordDecl &)>;
  /// \p ForEachClass calls its argument for every analysed class.
  explicit TranslationUnitIndex(std::function<void(ClassVisitor)> ForEachClass)
      : ForEachClass(std::move(ForEachClass)) {}

  ObjectEffects &objects() { return Objects; }
  text::SuppressionScan &suppressions() { return Suppressions; }
  /// The class definitions of the translation unit that derive from \p RD,
  /// directly or not.
  llvm::ArrayRef<const CXXRecordDecl *> derivedFrom(const CXXRecordDecl &RD);

private:
  std::function<void(ClassVisitor)> ForEachClass;
  ObjectEffects Objects;
  text::SuppressionScan Suppressions;
  std::optional<llvm::DenseMap<const CXXRecordDecl *,
                               llvm::SmallVector<const CXXRecordDecl *, 1>>>
      Direct;
  llvm::DenseMap<const CXXRecordDecl *,
                 llvm::SmallVector<const CXXRecordDecl *, 2>>
      Derived;
};

/// The walks of one class's function bodies: what each contains that any
/// resource model may care about (calls, assignments, deletes, ...), in
/// source order, and its calls of member functions. Walking the bodies is
/// most of an analysis's cost, so the analyses of one class share them, one
/// per check.
class ClassBodies {
public:
  /// \p TU is what the pass knows of the translation unit. With
  /// \p MostDerived, the walks are of functions of that class derived from
  /// \p RD, and follow calls on `this` to the methods of it and its bases:
  /// what a derived destructor does to \p RD's members.
  ClassBodies(const CXXRecordDecl &RD, TranslationUnitIndex &TU,
              const CXXRecordDecl *MostDerived = nullptr);
  ~ClassBodies();
  ClassBodies(const ClassBodies &) = delete;
  ClassBodies &operator=(const ClassBodies &) = delete;

  using Event = BodyEvent;
  using Walk = BodyWalk;
  /// The walk of \p Def, a definition with a body (see definition()).
  const Walk &of(const FunctionDecl *Def);
  /// definitionWithBody() of \p FD, remembered.
  const FunctionDecl *definition(const FunctionDecl *FD);

  /// userWrittenConstructors() of the class.
  llvm::ArrayRef<const CXXConstructorDecl *> constructors();
  /// What the destructor of the class is.
  const DestructorInfo &destructor();
  /// Member functions of the class whose bodies are available, in
  /// declaration order.
  llvm::ArrayRef<const FunctionDecl *> definedMethods();

  /// False when neither the constructors nor the member functions they call
  /// can acquire a resource of a family \p Callees' model reports: every
  /// finding starts from such an acquisition, so the class need not be
  /// analysed for that model. (Cheap: it only asks the callee summaries,
  /// which are remembered per translation unit, and looks for `new`.)
  bool constructorsMayAcquire(CalleeSummaries &Callees);

  /// Member functions of the class whose address some function of the
  /// class takes: an indirect call may run them.
  llvm::ArrayRef<const FunctionDecl *> addressTakenMethods();

  ObjectEffects &objects() { return TU.objects(); }
  TranslationUnitIndex &index() { return TU; }

private:
  class Walker;
  const CXXRecordDecl &RD;
  TranslationUnitIndex &TU;
  const CXXRecordDecl *MostDerived;
  llvm::SmallDenseMap<const FunctionDecl *, std::unique_ptr<Walk>, 8> Walks;
  std::optional<llvm::SmallVector<const FunctionDecl *, 2>> AddressTaken;
  std::optional<llvm::SmallVector<const CXXConstructorDecl *, 4>> Ctors;
  std::optional<DestructorInfo> Dtor;
  std::optional<std::vector<const FunctionDecl *>> Methods;
  llvm::SmallDenseMap<const FunctionDecl *, const FunctionDecl *, 8>
      Definitions;
};

} // namespace clang::tidy::raii

#endif // RAII_TIDY_BODYWALK_H
