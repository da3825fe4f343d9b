//===--- CopyableResourceOwnerCheck.cpp - raii-tidy -----------------------===//

#include "CopyableResourceOwnerCheck.h"
#include "ClassAnalysis.h"
#include "ClassCheck.h"
#include "CopyOperations.h"
#include "FixPlanner.h"
#include "LeakReporter.h"
#include "SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::raii {

namespace {

const char *describe(CopyKind K) {
  return K == CopyKind::Defaulted ? "defaulted" : "implicit";
}

/// "its copy constructor is implicit", "its copy constructor and copy
/// assignment operator are implicit", ...
std::string unsafeCopies(const CopyOperation &Ctor,
                         const CopyOperation &Assign) {
  if (Ctor.Kind != CopyKind::Safe && Assign.Kind != CopyKind::Safe) {
    if (Ctor.Kind == Assign.Kind)
      return std::string("its copy constructor and copy assignment operator "
                         "are ") +
             describe(Ctor.Kind);
    return std::string("its copy constructor is ") + describe(Ctor.Kind) +
           " and its copy assignment operator is " + describe(Assign.Kind);
  }
  if (Ctor.Kind != CopyKind::Safe)
    return std::string("its copy constructor is ") + describe(Ctor.Kind);
  return std::string("its copy assignment operator is ") +
         describe(Assign.Kind);
}

/// The first resource that a constructor acquires and the destructor
/// releases, or that a leak check's fix-it of this run will release.
struct Owned {
  ResourceKey Key;
  const CXXConstructorDecl *Ctor;
  const ReachedFact *Release; ///< Null when a fix-it writes the release.
  const ResourceFamily *FixedAs = nullptr; ///< The fixing check's family.
  /// The constructor stores what its caller hands in (`h_(h)`) and the
  /// destructor releases it: an adopting wrapper.
  bool Adopted = false;
};

/// A resource the destructor releases that a constructor adopts from its
/// caller (`Handle(HANDLE h) : h_(h) {}`, `~Handle() { CloseHandle(h_); }`).
std::optional<Owned> adoptedResource(ClassAnalysis &A,
                                     const Closure &Released) {
  for (const ReachedFact &R : Released.Facts) {
    if (R.F->Kind != FactKind::Release || R.Deferred || !R.F->Key.Family ||
        !R.F->Key.Family->Reported)
      continue;
    // What the member is (a pointer adopted, then its pointee released) is
    // what the constructor stores.
    ResourceKey Stored{R.F->Key.Member, false, R.F->Key.Family};
    if (Released.escapes(Stored.Member) ||
        A.members()[Stored.Member].InheritedFrom)
      continue;
    for (const CXXConstructorDecl *Ctor : A.constructors())
      if (!Ctor->isCopyOrMoveConstructor() &&
          A.leaves(Ctor, Stored) == CtorLeaves::Adopted)
        return Owned{R.F->Key, Ctor, &R, nullptr, /*Adopted=*/true};
  }
  return std::nullopt;
}

std::optional<Owned> ownedResource(ClassAnalysis &A,
                                   llvm::ArrayRef<PlannedRelease> Planned) {
  DestructorInfo Dtor = A.destructor();
  const Closure *Released = Dtor.Kind == DestructorKind::Defined ||
                                    Dtor.Kind == DestructorKind::External
                                ? A.closureOf(Dtor.Def)
                                : nullptr;
  if (!Released && Planned.empty())
    return std::nullopt;
  // Planned releases by member, so that a class with thousands of fixed
  // leaks is not matched quadratically.
  llvm::SmallDenseMap<const FieldDecl *, llvm::SmallVector<unsigned, 1>, 4>
      PlannedByMember;
  for (unsigned I = 0, N = Planned.size(); I != N; ++I)
    PlannedByMember[Planned[I].Path.front()].push_back(I);
  for (const ResourceKey &Key : A.acquiredResources()) {
    // A base's member is the base's to judge.
    if (A.members()[Key.Member].InheritedFrom)
      continue;
    const ReachedFact *Release =
        Released ? Released->first(FactKind::Release, Key) : nullptr;
    const ResourceFamily *FixedAs = nullptr;
    const TrackedMember &M = A.members()[Key.Member];
    if (auto It = PlannedByMember.find(M.topLevel());
        !Release && It != PlannedByMember.end())
      for (unsigned I : It->second) {
        const PlannedRelease &P = Planned[I];
        if (P.Pointee == Key.Pointee && llvm::equal(P.Path, M.Path) &&
            P.Family->Id == Key.Family->Id)
          FixedAs = P.Family;
      }
    if (!Release && !FixedAs)
      continue;
    for (const CXXConstructorDecl *Ctor : A.constructors())
      if (A.acquires(Ctor, Key) == Acquires::Yes)
        return Owned{Key, Ctor, Release, FixedAs};
  }
  if (Released)
    return adoptedResource(A, *Released);
  return std::nullopt;
}

/// True if \p Op cannot copy: deleted, user-written, or declared and never
/// defined.
bool safe(const CopyOperation &Op) { return Op.Kind == CopyKind::Safe; }

/// A class meant only as a base: its constructors and destructor are all
/// user-declared and protected or private, and it has no friends, so only a
/// derived class makes one.
bool onlyABase(const CXXRecordDecl &RD) {
  const CXXDestructorDecl *Dtor = RD.getDestructor();
  if (!Dtor || Dtor->isImplicit() || Dtor->getAccess() == AS_public ||
      RD.hasFriends())
    return false;
  bool AnyCtor = false;
  for (const CXXConstructorDecl *Ctor : RD.ctors()) {
    if (Ctor->isImplicit() || Ctor->isCopyOrMoveConstructor())
      continue;
    if (Ctor->getAccess() == AS_public)
      return false;
    AnyCtor = true;
  }
  return AnyCtor;
}

/// A class only meant as a base whose derived classes in the translation
/// unit, directly or not, cannot be copied, or are themselves only bases
/// (POCO's FastMutexImpl between MutexImpl and FastMutex), with at least one
/// class that can be made. Its own copy operations then never run but as
/// part of theirs.
bool onlyNonCopyableBaseOf(const CXXRecordDecl &RD, ClassBodies &Bodies) {
  if (!onlyABase(RD))
    return false;
  llvm::ArrayRef<const CXXRecordDecl *> Derived =
      Bodies.index().derivedFrom(RD);
  return llvm::all_of(Derived,
                      [](const CXXRecordDecl *D) {
                        return (safe(copyConstructor(*D)) &&
                                safe(copyAssignment(*D))) ||
                               onlyABase(*D);
                      }) &&
         llvm::any_of(Derived,
                      [](const CXXRecordDecl *D) { return !onlyABase(*D); });
}

/// A class template whose copies do not depend on its arguments: no base
/// and no member of a dependent type but pointers (`T *items_`), so its
/// pattern is judged once for every instantiation, and even when it is
/// never instantiated.
bool copiesIndependentOfArguments(const CXXRecordDecl &RD) {
  if (!RD.getDescribedClassTemplate() || RD.getNumVBases() != 0)
    return false;
  for (const CXXBaseSpecifier &Base : RD.bases())
    if (Base.getType()->isDependentType())
      return false;
  for (const FieldDecl *Field : RD.fields()) {
    QualType T = Field->getType();
    if (T.isNull() || (T->isDependentType() && !T->isPointerType()))
      return false;
  }
  return true;
}

/// Whether a user-written constructor of \p RD may store a resource its
/// caller hands in: it takes a parameter by value that is not the class.
bool mayAdopt(const CXXRecordDecl &RD) {
  for (const CXXConstructorDecl *Ctor : RD.ctors())
    if (!Ctor->isImplicit() && !Ctor->isCopyOrMoveConstructor())
      for (const ParmVarDecl *P : Ctor->parameters())
        if (!P->getType().isNull() && !P->getType()->isReferenceType())
          return true;
  return false;
}

} // namespace

CopyableResourceOwnerCheck::CopyableResourceOwnerCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClassCheck(Name, Context) {
  // Critical sections and the default families of raii-unreleased-member.
  std::vector<ResourceFamily> Families = {criticalSectionFamily()};
  llvm::append_range(Families, defaultFamilies());
  Model.emplace(std::move(Families));
}

void CopyableResourceOwnerCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  storeSharedOptions(Opts);
}

void CopyableResourceOwnerCheck::registerMatchers(MatchFinder *Finder) {
  matchClasses(Finder);
}

void CopyableResourceOwnerCheck::checkClass(const CXXRecordDecl &Class,
                                            ASTContext &Ctx,
                                            ClassBodies &Bodies,
                                            ClassRecord &Record) {
  const CXXRecordDecl *RD = &Class;
  // Only a destructor the user wrote releases anything, or one a leak
  // check's fix-it of this run writes.
  if (RD->isInvalidDecl() || !RD->getIdentifier() ||
      (RD->isDependentContext() && !copiesIndependentOfArguments(*RD)) ||
      (!RD->hasUserDeclaredDestructor() && Record.PlannedReleases.empty()))
    return;
  CopyOperation Ctor = copyConstructor(*RD);
  CopyOperation Assign = copyAssignment(*RD);
  if (Ctor.Kind == CopyKind::Safe && Assign.Kind == CopyKind::Safe)
    return;

  ProjectView *Project = project();
  if (!Bodies.constructorsMayAcquire(callees()) && !mayAdopt(*RD) &&
      !(Project && Project->mayAcquire(*RD)))
    return;
  if (onlyNonCopyableBaseOf(*RD, Bodies))
    return;
  ClassAnalysis A(*RD, callees(), Bodies);
  if (!A.mayHoldResources())
    return;
  std::optional<Owned> O = ownedResource(A, Record.PlannedReleases);
  if (!O)
    return;
  // With project facts, the translation unit defining the constructor
  // reports it (the others see the class too).
  if (Project && !A.bodyOf(O->Ctor))
    return;
  const ResourceFamily &Family = *O->Key.Family;
  const TrackedMember &M = A.members()[O->Key.Member];
  DestructorInfo Dtor = A.destructor();
  std::string Member = quoted(M);

  // Whether the program copies it: the project facts know for every
  // translation unit; without them (or when they are out of date) only
  // this one is known.
  std::optional<std::vector<StoredCopy>> Copies;
  if (Project)
    Copies = Project->copiesOf(*RD);
  std::string Consequence = ": after a copy it is %5 twice";
  const SourceManager &SM = Ctx.getSourceManager();
  auto FirstWhere = [&](bool Moves) -> std::string {
    for (const StoredCopy &C : *Copies)
      if (C.isMove() == Moves)
        return describePlace(C.Place, SM);
    return "";
  };
  std::string CopiedAt, MovedAt;
  if (Copies) {
    CopiedAt = FirstWhere(false);
    MovedAt = FirstWhere(true);
    if (!CopiedAt.empty())
      Consequence =
          ", and it is copied in " + CopiedAt + ": the copy is %5 twice";
    else if (!Ctor.Used && !Assign.Used)
      Consequence =
          ": a copy would be %5 twice (no translation unit copies it)";
  }
  FixPlan Fix = planCopyDeletion(*RD, Ctor, Assign, Ctx);
  if (!CopiedAt.empty() || !MovedAt.empty()) {
    // 9, 10: deleting what another translation unit calls (a copy, or an
    // implicit move that declaring the copies would remove) breaks its
    // build. (Said the same way in every translation unit reporting it.)
    Fix.Fixes.clear();
    Fix.WhyNot = !CopiedAt.empty() ? "it is copied in " + CopiedAt
                                   : "it is moved in " + MovedAt +
                                         ", by an implicit move that "
                                         "declaring the copy operations "
                                         "would remove";
  }
  std::string Format;
  if (O->Adopted)
    Format = "class %0 owns %1 %2, received in constructor %3 and %5 in "
             "destructor %4, but %6";
  else if (O->Release)
    Format = "class %0 owns %1 %2, %3 in constructor %7 and %5 in destructor "
             "%4, but %6";
  else
    Format = "class %0 owns %1 %2, %3 in constructor %7 and %5 by the fix-it "
             "for its leak, but %6";
  {
    auto Diag = diag(RD->getLocation(), Format + Consequence);
    Diag << RD << Family.Name << Member;
    if (O->Adopted)
      Diag << O->Ctor; // %3: unused by the adopting message otherwise.
    else
      Diag << Family.Acquired;
    Diag << Dtor.Decl << Family.Released << unsafeCopies(Ctor, Assign)
         << O->Ctor << Fix.Fixes;
  }
  diag(M.topLevel()->getLocation(), "%0 declared here", DiagnosticIDs::Note)
      << Member;
  if (O->Release)
    diag(factLocation(*O->Release->F, Ctx.getSourceManager()), "%0 is %1 here",
         DiagnosticIDs::Note)
        << Member << Family.Released;
  for (const CopyOperation *Op : {&Ctor, &Assign})
    if (Op->Kind == CopyKind::Defaulted)
      diag(Op->DefaultedAt->getLocation(), "defaulted here",
           DiagnosticIDs::Note);
  if (!Fix.WhyNot.empty())
    diag(RD->getLocation(), "no fix-it: %0", DiagnosticIDs::Note) << Fix.WhyNot;
}

} // namespace clang::tidy::raii
