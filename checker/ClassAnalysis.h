//===--- ClassAnalysis.h - raii-tidy ----------------------------*- C++ -*-===//
//
// For one class and the resource families of a model: which resources each
// constructor acquires (directly, through member initializers, delegation, or
// member functions it calls), which the destructor releases, and which are
// released by the wrong family. Each function body is walked once per class
// (ClassBodies, shared by the checks' analyses of the class) and summarised
// once per model; constructors and the destructor are then closed over the
// class's own call graph.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_CLASSANALYSIS_H
#define RAII_TIDY_CLASSANALYSIS_H

#include "Ownership.h"
#include "ResourceModel.h"
#include "SourceText.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::raii {

/// A data member of the class, reached from `this` through a path of fields:
/// {m_cs}, or {m_state, cs} for a member of a plain aggregate member. Every
/// data member is tracked; what makes it a resource is what the code does to
/// it.
struct TrackedMember {
  llvm::SmallVector<const FieldDecl *, 2> Path;
  unsigned ArrayRank = 0; ///< Number of array dimensions; 0: not an array.
  QualType Element;       ///< The type, or the element type of an array.
  /// For a `void *` member, the pointer type a cast gave it where a typed
  /// family acquired what it points to (`InitializeCriticalSection(
  /// (LPCRITICAL_SECTION)m_cs)`): the fix-its cast to it.
  QualType CastType;
  /// For a member of a base class (public or protected, acquired in this
  /// class's constructors): the base that declares it.
  const CXXRecordDecl *InheritedFrom = nullptr;

  /// The member as written in code: "m_cs", "m_state.cs" (anonymous
  /// structs and unions are transparent).
  std::string spelling() const;
  /// The top-level data member of the class.
  const FieldDecl *topLevel() const { return Path.front(); }
};

/// A resource a class may hold: a member, or the object a pointer member
/// points to, of one family.
struct ResourceKey {
  unsigned Member = 0;
  /// The resource is what the member points to (`InitializeCriticalSection(
  /// m_pcs)`), not the member itself.
  bool Pointee = false;
  const ResourceFamily *Family = nullptr;

  bool sameResource(const ResourceKey &O) const {
    return Member == O.Member && Pointee == O.Pointee;
  }
  bool operator==(const ResourceKey &O) const {
    return sameResource(O) && Family == O.Family;
  }
};

enum class FactKind {
  Acquire,  ///< Acquired for a family.
  Release,  ///< Released by a family's release.
  Free,     ///< Its storage is freed (`delete m_p`, `free(m_p)`,
            ///< `m_p->release()` reaching `delete this`).
  Escape,   ///< Passed to some other function or stored elsewhere.
  Null,     ///< Set to its null value (`m_p = nullptr`, `m_fd(-1)`).
  TakeOver, ///< Takes over another object's resource (`p_(o.p_)`).
  Adopt,    ///< Stores a parameter (`h_(h)`): what the caller hands in.
};

/// One thing a function body does to a tracked member.
struct Fact {
  FactKind Kind;
  ResourceKey Key;  ///< Family is null for Free and Escape.
  const Stmt *Site; ///< The call, assignment, new- or delete-expression.
  bool Guarded;     ///< Inside an if, ?:, &&, ||, switch or catch.
  /// The function or method called to acquire or release, if any.
  const FunctionDecl *Callee = nullptr;
  /// On a branch that leaves the function (`throw`, `return`): a
  /// constructor's cleanup after a failure.
  bool ExitPath = false;
};

/// A fact reached from a root function through the class's call graph.
struct ReachedFact {
  const Fact *F;
  const FunctionDecl *In; ///< Function whose body holds the fact.
  const Stmt *FirstHop;   ///< Call in the root leading there; null if direct.
  bool Guarded;           ///< The fact or a call on the way is guarded.
  /// Reached through a lambda or an indirect call: it may run later, or
  /// never. Only counts as an escape.
  bool Deferred = false;
};

/// Everything a function does, transitively through member functions of the
/// class whose bodies are in the translation unit.
struct Closure {
  llvm::SmallVector<ReachedFact, 8> Facts;
  /// Calls a member function of the class whose body is not available, or
  /// hands the whole object to a function outside the class (a friend), so
  /// anything may happen.
  bool Opaque = false;
  /// Functions visited, the root included.
  llvm::SmallVector<const FunctionDecl *, 8> Visited;

  /// The first Acquire or Release of \p Key's resource by its family, not
  /// deferred.
  const ReachedFact *first(FactKind K, const ResourceKey &Key) const;
  bool has(FactKind K, const ResourceKey &Key) const { return first(K, Key); }
  /// True if \p Member escapes (whatever family), or something deferred
  /// may release it. With \p OnCompletion, what happens on branches that
  /// leave the function is left out.
  bool escapes(unsigned Member, bool OnCompletion = false) const;
  /// True if \p Member's storage is freed (`free(m)`, `HeapFree(.., m)`).
  bool frees(unsigned Member) const;
  /// True if this may release \p Key's resource: releases it, frees its
  /// storage, hands it on, or calls what cannot be seen.
  bool mayRelease(const ResourceKey &Key) const {
    return Opaque || has(FactKind::Release, Key) || escapes(Key.Member) ||
           (!Key.Pointee && frees(Key.Member));
  }
  /// The facts about \p Member, in the order they were reached.
  llvm::ArrayRef<const ReachedFact *> factsOf(unsigned Member) const;

  /// Facts by member, so that questions about one member do not scan the
  /// facts of all (a class may hold thousands of resources).
  llvm::SmallDenseMap<unsigned, llvm::SmallVector<const ReachedFact *, 2>, 4>
      ByMember;
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

/// Whether a constructor acquires a resource and keeps it, as far as can be
/// proven.
enum class Acquires { Yes, No, Unknown };

/// What a constructor leaves in a member, as far as can be proven.
enum class CtorLeaves {
  Acquired,   ///< A resource it acquired and kept.
  TakenOver,  ///< What another object held (a move).
  Adopted,    ///< What the caller handed in (`h_(h)`): owned or borrowed.
  Null,       ///< The member's null value.
  Unknown,    ///< Handed off, released again, or beyond the analysis.
  Unacquired, ///< Nothing it acquired: garbage or a default value.
};

/// A resource that a constructor acquires and the destructor never releases.
struct Leak {
  ResourceKey Key;
  const CXXConstructorDecl *Ctor; ///< First constructor that acquires it.
  const ReachedFact *Acquire;     ///< The acquiring call, reached from Ctor.
  /// Member functions outside the destructor's reach that release it.
  llvm::SmallVector<std::pair<const FunctionDecl *, const Fact *>, 1>
      ReleasedElsewhere;
  /// A user-written constructor that does not provably acquire it: releasing
  /// it in the destructor would then act on an unacquired resource.
  const CXXConstructorDecl *NotAcquiringCtor = nullptr;
  /// What NotAcquiringCtor leaves in the member.
  CtorLeaves NotAcquiringLeaves = CtorLeaves::Unacquired;
};

/// A resource that the destructor releases unconditionally although a
/// constructor leaves it unacquired (while another acquires it).
struct UnacquiredRelease {
  ResourceKey Key;
  const CXXConstructorDecl *Ctor;
  const ReachedFact *Release; ///< Reached from the destructor.
};

/// A resource acquired by one family and released by another's release
/// (`new[]` then `delete`, `malloc` then `delete`).
struct MismatchedRelease {
  ResourceKey Key;                ///< As acquired.
  const CXXConstructorDecl *Ctor; ///< Where it is acquired.
  const ReachedFact *Acquire;
  const Fact *Release;    ///< The wrong release; its Key.Family says whose.
  const FunctionDecl *In; ///< The function holding the wrong release.
};

/// How a call's argument designates a resource.
enum class ArgMode {
  Address, ///< &m, &m[i], m (array), m (pointer: what it points to)
  Value,   ///< m, m[i]
};

/// A member, or what it points to, as an expression designates it.
struct Designation {
  unsigned Member;
  bool Pointee;
};

/// A call of a member function of the class on `this`: an edge of the
/// class's call graph.
struct MethodCall {
  const FunctionDecl *Callee;
  const Stmt *Site;
  bool Guarded;
  /// Inside a lambda: it runs later, or never.
  bool Deferred = false;
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

  struct Event;
  struct Walk;
  /// The walk of \p Def, a definition with a body (see definition()).
  const Walk &of(const FunctionDecl *Def);
  /// The function definition that provides the body of \p FD, if
  /// available: not only declared, parsed (not delayed), and valid.
  const FunctionDecl *definition(const FunctionDecl *FD);

  /// userWrittenConstructors() of the class.
  llvm::ArrayRef<const CXXConstructorDecl *> constructors();
  /// What the destructor of the class is.
  const DestructorInfo &destructor();
  /// Member functions of the class whose bodies are available, in
  /// declaration order.
  llvm::ArrayRef<const FunctionDecl *> definedMethods();

  /// False when neither the constructors nor the member functions they call
  /// can acquire a resource of a family \p Model reports: every finding
  /// starts from such an acquisition, so the class need not be analysed for
  /// \p Model. (Cheap: it only looks up callees and `new`.)
  bool constructorsMayAcquire(const ResourceModel &Model);

  /// Member functions of the class whose address some function of the
  /// class takes: an indirect call may run them.
  llvm::ArrayRef<const FunctionDecl *> addressTakenMethods();

  ObjectEffects &objects() { return TU.objects(); }
  TranslationUnitIndex &index() { return TU; }

  /// A release that a leak check's fix-it of this run writes into the
  /// destructor, so that the checks judged after it (copies) see the class
  /// as the fixes leave it: one `--fix` run leaves it clean.
  struct PlannedRelease {
    llvm::SmallVector<const FieldDecl *, 2> Path; ///< TrackedMember::Path.
    bool Pointee;
    const ResourceFamily *Family;
  };
  void planRelease(PlannedRelease R) { Planned.push_back(std::move(R)); }
  llvm::ArrayRef<PlannedRelease> plannedReleases() const { return Planned; }

private:
  class Walker;
  const CXXRecordDecl &RD;
  TranslationUnitIndex &TU;
  const CXXRecordDecl *MostDerived;
  llvm::SmallDenseMap<const FunctionDecl *, std::unique_ptr<Walk>, 8> Walks;
  std::optional<llvm::SmallVector<const FunctionDecl *, 2>> AddressTaken;
  llvm::SmallVector<PlannedRelease, 1> Planned;
  std::optional<llvm::SmallVector<const CXXConstructorDecl *, 4>> Ctors;
  std::optional<DestructorInfo> Dtor;
  std::optional<std::vector<const FunctionDecl *>> Methods;
  llvm::SmallDenseMap<const FunctionDecl *, const FunctionDecl *, 8>
      Definitions;
};

class ClassAnalysis {
public:
  /// The analysis of \p RD for \p Model, using the walks \p Bodies of
  /// \p RD's functions.
  ClassAnalysis(const CXXRecordDecl &RD, const ResourceModel &Model,
                ClassBodies &Bodies);
  ~ClassAnalysis();

  const CXXRecordDecl &record() const { return RD; }
  const ResourceModel &model() const { return Model; }
  llvm::ArrayRef<TrackedMember> members() const { return Members; }
  /// False when no member can hold a resource of the model's families: the
  /// class need not be analysed.
  bool mayHoldResources() const { return MayHoldResources; }

  /// The closure of \p FD (a function of this class), or null when its body
  /// is not available (declared only, or not parsed in this mode).
  const Closure *closureOf(const FunctionDecl *FD);

  /// Facts found directly in \p FD's body (not transitively); empty when its
  /// body is not available.
  llvm::ArrayRef<Fact> localFacts(const FunctionDecl *FD);

  /// Member functions of the class whose bodies are available, in
  /// declaration order.
  llvm::ArrayRef<const FunctionDecl *> definedMethods() {
    return Bodies.definedMethods();
  }
  /// userWrittenConstructors() of the class.
  llvm::ArrayRef<const CXXConstructorDecl *> constructors() {
    return Bodies.constructors();
  }
  const DestructorInfo &destructor() { return Bodies.destructor(); }
  ClassBodies &bodies() { return Bodies; }
  Acquires acquires(const CXXConstructorDecl *Ctor, const ResourceKey &Key);
  CtorLeaves leaves(const CXXConstructorDecl *Ctor, const ResourceKey &Key);

  /// The resources some constructor acquires, each once, in member order
  /// (what a member points to before the member itself).
  llvm::ArrayRef<ResourceKey> acquiredResources();

  /// True if \p Key's resource may be released beyond the class's own
  /// functions: by the destructor of a derived class of the translation
  /// unit, or through a pointer to its release function.
  bool mayBeReleasedOutside(const ResourceKey &Key) {
    return releaseAddressTaken(Key.Family) || releasedByDerived(Key) ||
           releasedByBases(Key);
  }

  /// Resources leaked by the destructor, in member order.
  std::vector<Leak> leaks();
  /// Releases in the destructor that some constructor leaves unacquired.
  std::vector<UnacquiredRelease> releasesWithoutAcquire();
  /// Releases, anywhere in the class, by another family than the one that
  /// acquired the resource.
  std::vector<MismatchedRelease> mismatchedReleases();

  /// The function definition that provides the body of \p FD, if available.
  const FunctionDecl *bodyOf(const FunctionDecl *FD) {
    return Bodies.definition(FD);
  }

  /// The member (or what it points to) that \p E designates as a call
  /// argument of mode \p Mode.
  std::optional<Designation> designate(const Expr *E, ArgMode Mode) const;

private:
  struct Summary;
  class SummaryBuilder;
  const Summary *summaryOf(const FunctionDecl *FD);
  void collectMembers(const RecordDecl &R,
                      llvm::SmallVectorImpl<const FieldDecl *> &Prefix,
                      unsigned Depth);
  /// The public and protected members of the non-virtual bases written in
  /// user code, which this class's constructors may acquire.
  void collectInherited();
  /// The base classes collectInherited() looked into.
  llvm::SmallVector<const CXXRecordDecl *, 2> UserBases;
  /// True if \p Key is an inherited member that a function of a base class
  /// (its destructor, or another member function) may release.
  bool releasedByBases(const ResourceKey &Key);
  /// The member a chain of member accesses from `this` names.
  std::optional<unsigned> memberOf(const Expr *E) const;
  std::optional<unsigned>
  memberByPath(llvm::ArrayRef<const FieldDecl *> Path) const;
  /// True if some function of the class takes the address of a release
  /// function of \p Family (it may be released through a pointer).
  bool releaseAddressTaken(const ResourceFamily *Family);
  /// True if the destructor of a class of the translation unit derived from
  /// this one may release \p Key's resource (directly, or through a helper
  /// of the base or a virtual override it calls).
  bool releasedByDerived(const ResourceKey &Key);
  /// This class's members as the destructor of a derived class sees them.
  struct DerivedView;
  std::optional<std::vector<DerivedView>> DerivedViews;

  const CXXRecordDecl &RD;
  const ResourceModel &Model;
  ClassBodies &Bodies;
  std::vector<TrackedMember> Members;
  bool MayHoldResources = false;
  /// Members by their top-level data member, to find the one an argument
  /// designates without scanning them all.
  /// (Small maps: most classes have a few members and functions, and one
  /// analysis is built per class and check.)
  llvm::SmallDenseMap<const FieldDecl *, llvm::SmallVector<unsigned, 1>, 8>
      ByTopLevel;
  llvm::SmallDenseMap<const FunctionDecl *, std::unique_ptr<Summary>, 8>
      Summaries;
  llvm::SmallDenseMap<const FunctionDecl *, std::unique_ptr<Closure>, 4>
      Closures;
  /// Range-for loop variables over array members, found while summarising.
  llvm::SmallDenseMap<const VarDecl *, unsigned, 1> RangeVars;
  llvm::SmallVector<ResourceKey, 4> Acquired;
  bool AcquiredComputed = false;
};

/// The constructors whose effect on members the analysis judges: declared by
/// the user, not deleted, and not private without a definition (the C++03
/// idiom for a class that cannot be copied).
llvm::SmallVector<const CXXConstructorDecl *, 4>
userWrittenConstructors(const CXXRecordDecl &RD);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_CLASSANALYSIS_H
