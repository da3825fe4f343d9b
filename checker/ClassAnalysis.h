//===--- ClassAnalysis.h - raii-tidy ----------------------------*- C++ -*-===//
//
// Class analysis: for one class and the resource families of a model, which
// resources each constructor acquires and keeps (directly, through member
// initializers, delegation, or member functions it calls), which the
// destructor releases, and which are released by the wrong family. It reads
// the function summaries of the class's functions (FunctionSummary.h),
// closes them over the class's own call graph, and returns each verdict as
// a value with its witness (the acquiring call, the constructor, the
// releases elsewhere); it writes nothing back.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_CLASSANALYSIS_H
#define RAII_TIDY_CLASSANALYSIS_H

#include "AstQueries.h"
#include "BodyWalk.h"
#include "FunctionSummary.h"
#include "MemberTable.h"
#include "ProjectFacts.h"
#include "ResourceModel.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::raii {

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

/// True if \p Release, a release of \p Key's resource, is one by another
/// family than Key's. A release function that two families share (`free`,
/// `CloseHandle`) records a release for each at the same place, and the one
/// for Key's family makes the other no mismatch: \p ReleasesKeyAt says
/// whether a place (Fact::place()) has it.
bool releasedByOtherFamily(
    const Fact &Release, const ResourceKey &Key,
    llvm::function_ref<bool(const void *)> ReleasesKeyAt);

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

/// The destructor of a class derived from the one analysed, with what it
/// does to the analysed class's members.
struct DerivedDestructor {
  const CXXRecordDecl *Class;
  const FunctionDecl *Destructor;
  const Closure *Effects;
};

class ClassAnalysis {
public:
  /// The analysis of \p RD for the model of \p Callees, using the walks
  /// \p Bodies of \p RD's functions.
  ClassAnalysis(const CXXRecordDecl &RD, CalleeSummaries &Callees,
                ClassBodies &Bodies);
  ~ClassAnalysis();

  const CXXRecordDecl &record() const { return RD; }
  const ResourceModel &model() const { return Callees.model(); }
  CalleeSummaries &callees() { return Callees; }
  llvm::ArrayRef<TrackedMember> members() const { return Table.members(); }
  const MemberTable &memberTable() const { return Table; }
  /// False when no member can hold a resource of the model's families: the
  /// class need not be analysed.
  bool mayHoldResources() const { return Table.mayHoldResources(); }

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
  /// The class's own `FinalRelease()`, defined in this translation unit,
  /// when the class derives from one of the model's FinalReleaseBases: ATL
  /// calls it before the destructor, so what it releases is released, and
  /// a release the destructor lacks is written into it. Null otherwise.
  const FunctionDecl *finalRelease();
  /// What the destructor is: as ClassBodies sees it, or External when its
  /// body is in another translation unit that the project facts describe.
  const DestructorInfo &destructor();
  ClassBodies &bodies() { return Bodies; }
  Acquires acquires(const CXXConstructorDecl *Ctor, const ResourceKey &Key);
  CtorLeaves leaves(const CXXConstructorDecl *Ctor, const ResourceKey &Key);

  /// The resources some constructor acquires, each once, in member order
  /// (what a member points to before the member itself).
  llvm::ArrayRef<ResourceKey> acquiredResources();

  /// True if \p Key's resource may be released beyond the class's own
  /// functions: by the destructor of a derived class of the translation
  /// unit, by a function of a base class that declares the member, or
  /// through a pointer to its release function.
  bool mayBeReleasedOutside(const ResourceKey &Key) {
    return releaseAddressTaken(Key.Family) || releasedByDerived(Key) ||
           releasedByBases(Key);
  }

  /// The destructors defined in the translation unit of its classes derived
  /// from this one.
  std::vector<DerivedDestructor> derivedDestructors();

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

  /// The summary of \p Def: a definition with a body, or a function that
  /// knownBody() gives for a body in another translation unit.
  const FunctionSummary &summaryOf(const FunctionDecl *Def);

  /// The definition of \p FD with a body here, or else its canonical
  /// declaration when the project facts say what its body elsewhere does;
  /// null when neither is known.
  const FunctionDecl *knownBody(const FunctionDecl *FD);
  /// The stored summary of \p FD when its body is only known from the
  /// project facts.
  const StoredFunction *external(const FunctionDecl *FD);
  /// Member functions of the class whose bodies are known only from the
  /// project facts, in declaration order.
  llvm::ArrayRef<const FunctionDecl *> externalMethods();
  /// A member function of the class whose project facts are out of date
  /// (its file changed since they were collected), if any: it is judged
  /// unknown, as without facts, and no fix-it is written for the class.
  const FunctionDecl *staleMethod();

private:
  /// True if \p Key is an inherited member that a function of a base class
  /// (its destructor, or another member function) may release.
  bool releasedByBases(const ResourceKey &Key);
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
  CalleeSummaries &Callees;
  ClassBodies &Bodies;
  MemberTable Table;
  /// (Small maps: most classes have a few members and functions, and one
  /// analysis is built per class and check.)
  llvm::SmallDenseMap<const FunctionDecl *, std::unique_ptr<FunctionSummary>, 8>
      Summaries;
  llvm::SmallDenseMap<const FunctionDecl *, std::unique_ptr<Closure>, 4>
      Closures;
  llvm::SmallVector<ResourceKey, 4> Acquired;
  bool AcquiredComputed = false;
  std::optional<const FunctionDecl *> FinalRelease;
  std::optional<DestructorInfo> Dtor;
  /// Of the project facts: the stored summaries met, the member functions
  /// by USR, and the calls of resolved summaries.
  llvm::SmallDenseMap<const FunctionDecl *, const StoredFunction *, 4>
      Externals;
  std::optional<llvm::StringMap<const FunctionDecl *>> MethodsByUSR;
  std::optional<std::vector<const FunctionDecl *>> ExternalMethods;
  const FunctionDecl *Stale = nullptr;
  std::vector<std::unique_ptr<std::vector<MethodCall>>> ExternalCalls;
};

} // namespace clang::tidy::raii

#endif // RAII_TIDY_CLASSANALYSIS_H
