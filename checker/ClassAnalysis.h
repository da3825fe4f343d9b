//===--- ClassAnalysis.h - raii-tidy ----------------------------*- C++ -*-===//
//
// For one class and one resource family: which members hold a resource, which
// of them each constructor acquires (directly, through member initializers,
// delegation, or member functions it calls), and which the destructor
// releases. Each function body is summarised once; constructors and the
// destructor are then closed over the class's own call graph.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_CLASSANALYSIS_H
#define RAII_TIDY_CLASSANALYSIS_H

#include "ResourceModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::raii {

/// How a member holds its resource.
enum class MemberShape {
  Object,  ///< CRITICAL_SECTION m;
  Array,   ///< CRITICAL_SECTION m[N]; (any number of dimensions)
  Pointer, ///< CRITICAL_SECTION *m;
};

/// A data member holding a resource, reached from `this` through a path of
/// fields: {m_cs}, or {m_state, cs} for a member of a plain aggregate member.
struct TrackedMember {
  llvm::SmallVector<const FieldDecl *, 2> Path;
  MemberShape Shape = MemberShape::Object;
  unsigned ArrayRank = 0; ///< Number of array dimensions for Array.

  /// The member as written in code: "m_cs", "m_state.cs" (anonymous
  /// structs and unions are transparent).
  std::string spelling() const;
  /// The top-level data member of the class.
  const FieldDecl *topLevel() const { return Path.front(); }
};

enum class FactKind {
  Acquire, ///< Passed to an acquire function.
  Release, ///< Passed to a release function.
  Free,    ///< Its storage is freed (`delete m_p`, `free(m_p)`).
  Escape,  ///< Passed to some other function, which may take ownership.
};

/// One thing a function body does to a tracked member.
struct Fact {
  FactKind Kind;
  unsigned Member;  ///< Index into ClassAnalysis::members().
  const Stmt *Site; ///< The call or delete-expression.
  bool Guarded;     ///< Inside an if, ?:, &&, ||, switch or catch.
};

/// A fact reached from a root function through the class's call graph.
struct ReachedFact {
  const Fact *F;
  const FunctionDecl *In; ///< Function whose body holds the fact.
  const Stmt *FirstHop;   ///< Call in the root leading there; null if direct.
  bool Guarded;           ///< The fact or a call on the way is guarded.
};

/// Everything a function does, transitively through member functions of the
/// class whose bodies are in the translation unit.
struct Closure {
  std::vector<ReachedFact> Facts;
  /// Calls a member function of the class whose body is not available, or
  /// hands the whole object to a function outside the class (a friend), so
  /// anything may happen.
  bool Opaque = false;
  /// Functions visited, the root included.
  llvm::SmallVector<const FunctionDecl *, 8> Visited;

  const ReachedFact *first(FactKind K, unsigned Member) const;
  bool has(FactKind K, unsigned Member) const { return first(K, Member); }
  bool hasUnguarded(FactKind K, unsigned Member) const;
  /// The facts about \p Member, in the order they were reached.
  llvm::ArrayRef<const ReachedFact *> factsOf(unsigned Member) const;

  /// Facts by member, so that questions about one member do not scan the
  /// facts of all (a class may hold thousands of resources).
  llvm::DenseMap<unsigned, llvm::SmallVector<const ReachedFact *, 2>> ByMember;
};

/// What the destructor of a class is, as far as this translation unit shows.
enum class DestructorKind {
  Implicit,    ///< Not user-declared.
  Defaulted,   ///< `= default`, in the class or out of line.
  Defined,     ///< A body in this translation unit.
  Unavailable, ///< Declared, but its body is elsewhere or not parsed.
  Deleted,     ///< `= delete`: objects are never destroyed.
};

struct DestructorInfo {
  DestructorKind Kind = DestructorKind::Implicit;
  const CXXDestructorDecl *Decl = nullptr; ///< The user declaration.
  const FunctionDecl *Def = nullptr;       ///< Body or `= default` decl.
};

/// Whether a constructor acquires a member, as far as can be proven.
enum class Acquires { Yes, No, Unknown };

/// A member that a constructor acquires and the destructor never releases.
struct Leak {
  unsigned Member;
  const CXXConstructorDecl *Ctor; ///< First constructor that acquires it.
  const ReachedFact *Acquire;     ///< The acquiring call, reached from Ctor.
  /// Member functions outside the destructor's reach that release it.
  llvm::SmallVector<std::pair<const FunctionDecl *, const Fact *>, 1>
      ReleasedElsewhere;
  /// A user-written constructor that does not provably acquire it: deleting
  /// it in the destructor would then act on an uninitialised resource.
  const CXXConstructorDecl *NotAcquiringCtor = nullptr;
};

/// A member that the destructor releases unconditionally although a
/// constructor leaves it unacquired (while another acquires it).
struct UnacquiredRelease {
  unsigned Member;
  const CXXConstructorDecl *Ctor;
  const ReachedFact *Release; ///< Reached from the destructor.
};

class ClassAnalysis {
public:
  ClassAnalysis(const CXXRecordDecl &RD, const ResourceFamily &Family);
  ~ClassAnalysis();

  const CXXRecordDecl &record() const { return RD; }
  const ResourceFamily &family() const { return Family; }
  llvm::ArrayRef<TrackedMember> members() const { return Members; }

  /// The closure of \p FD (a function of this class), or null when its body
  /// is not available (declared only, or not parsed in this mode).
  const Closure *closureOf(const FunctionDecl *FD);

  /// Facts found directly in \p FD's body (not transitively); empty when its
  /// body is not available.
  llvm::ArrayRef<Fact> localFacts(const FunctionDecl *FD);

  /// Member functions of the class whose bodies are available, in
  /// declaration order.
  llvm::ArrayRef<const FunctionDecl *> definedMethods();

  DestructorInfo destructor() const;
  Acquires acquires(const CXXConstructorDecl *Ctor, unsigned Member);

  /// Members leaked by the destructor, in member order.
  std::vector<Leak> leaks();
  /// Releases in the destructor that some constructor leaves unacquired.
  std::vector<UnacquiredRelease> releasesWithoutAcquire();

  /// The function definition that provides the body of \p FD, if available.
  static const FunctionDecl *bodyOf(const FunctionDecl *FD);

  /// The tracked member designated by the resource argument \p E, if any:
  /// &m, &this->m, m (pointer member), &m[i], m + i, m (array member), a
  /// range-for variable over an array member.
  std::optional<unsigned> designatedMember(const Expr *E) const;

private:
  struct Summary;
  class SummaryBuilder;
  const Summary *summaryOf(const FunctionDecl *FD);
  void collectMembers(const RecordDecl &R,
                      llvm::SmallVectorImpl<const FieldDecl *> &Prefix,
                      unsigned Depth);
  std::optional<unsigned> memberFor(const Expr *E, bool AllowObject,
                                    bool AllowArray, bool AllowPointer) const;

  const CXXRecordDecl &RD;
  const ResourceFamily &Family;
  std::vector<TrackedMember> Members;
  /// Members by their top-level data member, to find the one an argument
  /// designates without scanning them all.
  llvm::DenseMap<const FieldDecl *, llvm::SmallVector<unsigned, 1>> ByTopLevel;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Summary>> Summaries;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Closure>> Closures;
  /// Range-for loop variables over array members, found while summarising.
  llvm::DenseMap<const VarDecl *, unsigned> RangeVars;
  std::vector<const FunctionDecl *> Methods;
  bool MethodsComputed = false;
};

/// The constructors whose effect on members the analysis judges: declared by
/// the user, not deleted, and not private without a definition (the C++03
/// idiom for a class that cannot be copied).
llvm::SmallVector<const CXXConstructorDecl *, 4>
userWrittenConstructors(const CXXRecordDecl &RD);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_CLASSANALYSIS_H
