//===--- ClassAnalysis.cpp - raii-tidy ------------------------------------===//

#include "ClassAnalysis.h"
#include "Debug.h"
#include "Ownership.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::raii {

llvm::ArrayRef<const ReachedFact *> Closure::factsOf(unsigned Member) const {
  auto It = ByMember.find(Member);
  if (It == ByMember.end())
    return {};
  return It->second;
}

const ReachedFact *Closure::first(FactKind K, const ResourceKey &Key) const {
  for (const ReachedFact *R : factsOf(Key.Member))
    if (R->F->Kind == K && R->F->Key == Key && !R->Deferred)
      return R;
  return nullptr;
}

bool Closure::escapes(unsigned Member, bool OnCompletion) const {
  return llvm::any_of(factsOf(Member), [&](const ReachedFact *R) {
    if (OnCompletion && R->F->ExitPath)
      return false;
    if (R->F->Kind == FactKind::Escape)
      return true;
    // Whatever a lambda or an indirect call may do to it.
    return R->Deferred && R->F->Kind != FactKind::Acquire &&
           R->F->Kind != FactKind::Null;
  });
}

bool Closure::frees(unsigned Member) const {
  return llvm::any_of(factsOf(Member), [](const ReachedFact *R) {
    return R->F->Kind == FactKind::Free && !R->Deferred;
  });
}

ClassAnalysis::ClassAnalysis(const CXXRecordDecl &RD, CalleeSummaries &Callees,
                             ClassBodies &Bodies)
    : RD(RD), Callees(Callees), Bodies(Bodies), Table(RD, Callees.model()) {}

ClassAnalysis::~ClassAnalysis() = default;

bool ClassAnalysis::releasedByBases(const ResourceKey &Key) {
  const TrackedMember &M = Table[Key.Member];
  if (!M.InheritedFrom)
    return false;
  for (const CXXRecordDecl *B : Table.userBases()) {
    ClassBodies BaseBodies(*B, Bodies.index());
    ClassAnalysis Base(*B, Callees, BaseBodies);
    std::optional<unsigned> Index = Base.Table.memberByPath(M.Path);
    if (!Index)
      continue;
    ResourceKey Own{*Index, Key.Pointee, Key.Family};
    const DestructorInfo &Dtor = BaseBodies.destructor();
    if (Dtor.Kind == DestructorKind::Unavailable ||
        Base.releaseAddressTaken(Key.Family))
      return true;
    for (const FunctionDecl *F : BaseBodies.definedMethods())
      if (const Closure *C = Base.closureOf(F); !C || C->mayRelease(Own))
        return true;
  }
  return false;
}

const FunctionSummary &ClassAnalysis::summaryOf(const FunctionDecl *Def) {
  std::unique_ptr<FunctionSummary> &Slot = Summaries[Def];
  if (Slot)
    return *Slot;
  if (const StoredFunction *SF =
          Def->doesThisDeclarationHaveABody() ? nullptr : external(Def)) {
    auto &Calls =
        ExternalCalls.emplace_back(std::make_unique<std::vector<MethodCall>>());
    Slot = std::make_unique<FunctionSummary>(resolveStoredFunction(
        *SF, Table, model(),
        [&](llvm::StringRef USR) -> const FunctionDecl * {
          if (!MethodsByUSR) {
            MethodsByUSR.emplace();
            // The class's and its bases' member functions: what `this`
            // may call.
            llvm::SmallVector<const CXXRecordDecl *, 4> Work{&RD};
            while (!Work.empty()) {
              const CXXRecordDecl *C = Work.pop_back_val();
              for (const Decl *D : C->decls()) {
                const auto *FD = llvm::dyn_cast<FunctionDecl>(D);
                if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
                  FD = FTD->getTemplatedDecl();
                if (llvm::isa_and_nonnull<CXXMethodDecl>(FD))
                  MethodsByUSR->try_emplace(usrOf(*FD), FD);
              }
              for (const CXXBaseSpecifier &B : C->bases())
                if (const CXXRecordDecl *BD = B.getType()->getAsCXXRecordDecl())
                  if (BD->hasDefinition())
                    Work.push_back(BD->getDefinition());
            }
          }
          return MethodsByUSR->lookup(USR);
        },
        *Calls));
  } else {
    Slot = std::make_unique<FunctionSummary>(
        summarize(Bodies.of(Def), RD, Table, Callees, Bodies.objects()));
  }
  RAII_DEBUG("raii-summary", {
    llvm::dbgs() << "raii-summary: " << Def->getQualifiedNameAsString() << " ("
                 << Slot->Facts.size() << " facts"
                 << (Slot->Facts.empty() || !Slot->Facts[0].Stored
                         ? ""
                         : ", from project facts")
                 << ")\n";
    Slot->dump(Table, RD.getASTContext().getSourceManager(), llvm::dbgs());
  });
  return *Slot;
}

const StoredFunction *ClassAnalysis::external(const FunctionDecl *FD) {
  ProjectView *Project = Callees.project();
  if (!Project || !FD)
    return nullptr;
  FD = FD->getCanonicalDecl();
  auto [It, New] = Externals.try_emplace(FD, nullptr);
  if (New && !bodyOf(FD) && !FD->isDefaulted() && !FD->isDeleted()) {
    bool IsStale = false;
    It->second = Project->function(*FD, &IsStale);
    if (IsStale && !Stale)
      Stale = FD;
  }
  return It->second;
}

const FunctionDecl *ClassAnalysis::knownBody(const FunctionDecl *FD) {
  if (const FunctionDecl *Def = bodyOf(FD))
    return Def;
  return external(FD) ? FD->getCanonicalDecl() : nullptr;
}

llvm::ArrayRef<const FunctionDecl *> ClassAnalysis::externalMethods() {
  if (ExternalMethods)
    return *ExternalMethods;
  ExternalMethods.emplace();
  if (!Callees.project())
    return *ExternalMethods;
  for (const Decl *D : RD.decls()) {
    const auto *FD = llvm::dyn_cast<CXXMethodDecl>(D);
    if (FD && !FD->isImplicit() && external(FD))
      ExternalMethods->push_back(FD->getCanonicalDecl());
  }
  return *ExternalMethods;
}

const FunctionDecl *ClassAnalysis::staleMethod() {
  (void)externalMethods(); // Asks the facts about every member function.
  return Stale;
}

const FunctionDecl *ClassAnalysis::finalRelease() {
  if (FinalRelease)
    return *FinalRelease;
  FinalRelease = nullptr;
  const std::vector<std::string> &Bases = model().FinalReleaseBases;
  if (Bases.empty())
    return nullptr;
  for (const CXXMethodDecl *MD : RD.methods())
    if (isNamed(*MD, "FinalRelease") && MD->getNumParams() == 0 &&
        !MD->isStatic() && derivesFromNamed(RD, Bases)) {
      FinalRelease = bodyOf(MD);
      break;
    }
  return *FinalRelease;
}

const DestructorInfo &ClassAnalysis::destructor() {
  if (Dtor)
    return *Dtor;
  Dtor = Bodies.destructor();
  if (Dtor->Kind == DestructorKind::Unavailable && Dtor->Decl &&
      !Dtor->Decl->isInvalidDecl() && external(Dtor->Decl)) {
    Dtor->Kind = DestructorKind::External;
    Dtor->Def = Dtor->Decl->getCanonicalDecl();
  }
  return *Dtor;
}

llvm::ArrayRef<Fact> ClassAnalysis::localFacts(const FunctionDecl *FD) {
  const FunctionDecl *Def = bodyOf(FD);
  if (!Def)
    return {};
  return summaryOf(Def).Facts;
}

const Closure *ClassAnalysis::closureOf(const FunctionDecl *FD) {
  const FunctionDecl *Def = knownBody(FD);
  if (!Def)
    return nullptr;
  std::unique_ptr<Closure> &Slot = Closures[Def];
  if (Slot)
    return Slot.get();
  auto C = std::make_unique<Closure>();
  struct Item {
    const FunctionDecl *F;
    const Stmt *Hop;
    bool Guarded;
    bool Deferred;
  };
  // A function is visited at most three times: through guarded or deferred
  // calls, then unguarded, then directly; so the walk is linear in the call
  // graph.
  // (SeenUnguarded: seen other than deferred.)
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen, SeenUnguarded, SeenDirect;
  llvm::SmallVector<Item, 16> Work{{Def, nullptr, false, false}};
  bool Indirect = false;
  while (!Work.empty()) {
    Item I = Work.pop_back_val();
    if (SeenDirect.count(I.F) || (I.Deferred && Seen.count(I.F)) ||
        (!I.Deferred && I.Guarded && SeenUnguarded.count(I.F)))
      continue;
    Seen.insert(I.F);
    if (!I.Deferred) {
      if (SeenUnguarded.insert(I.F).second)
        C->Visited.push_back(I.F);
      if (!I.Guarded)
        SeenDirect.insert(I.F);
    }
    const FunctionSummary *S = &summaryOf(I.F);
    C->Opaque |= S->HandsOffThis && !I.Deferred;
    Indirect |= S->IndirectCall && !I.Deferred;
    for (const Fact &F : S->Facts)
      C->Facts.push_back({&F, I.F, I.Hop, I.Guarded || F.Guarded, I.Deferred});
    // Pushed in reverse so that callees are visited in source order.
    for (const MethodCall &Call : llvm::reverse(S->Calls)) {
      const FunctionDecl *CalleeDef = knownBody(Call.Callee);
      if (!CalleeDef) {
        C->Opaque |= !I.Deferred && !Call.Deferred;
        continue;
      }
      Work.push_back({CalleeDef, I.Hop ? I.Hop : Call.Site,
                      I.Guarded || Call.Guarded, I.Deferred || Call.Deferred});
    }
    // An indirect call may run any method whose address the class takes.
    if (Work.empty() && Indirect) {
      Indirect = false;
      for (const FunctionDecl *Taken : Bodies.addressTakenMethods())
        if (const FunctionDecl *TakenDef = bodyOf(Taken))
          Work.push_back({TakenDef, nullptr, true, true});
    }
  }
  for (const ReachedFact &R : C->Facts)
    C->ByMember[R.F->Key.Member].push_back(&R);
  RAII_DEBUG("raii-closure", {
    llvm::dbgs() << "raii-closure: " << Def->getQualifiedNameAsString()
                 << " reaches " << C->Facts.size() << " facts in";
    for (const FunctionDecl *F : C->Visited)
      llvm::dbgs() << " " << F->getNameAsString();
    llvm::dbgs() << (C->Opaque ? "; opaque" : "") << "\n";
  });
  Slot = std::move(C);
  return Slot.get();
}

Acquires ClassAnalysis::acquires(const CXXConstructorDecl *Ctor,
                                 const ResourceKey &Key) {
  if (defaultedDefinition(*Ctor))
    return Acquires::No;
  const Closure *C = closureOf(Ctor);
  if (!C)
    return Acquires::Unknown;
  // What a constructor does on a branch that leaves it after a failure
  // (`close(s); throw ...;`) does not happen to a constructed object.
  bool HandedOff = C->escapes(Key.Member, /*OnCompletion=*/true);
  if (C->has(FactKind::Acquire, Key)) {
    llvm::ArrayRef<const ReachedFact *> Facts = C->factsOf(Key.Member);
    // `if (!ok) { fclose(m_f); m_f = nullptr; }`: a release on a branch
    // that then sets the member to null leaves it held or null, which the
    // destructor's release handles when it accepts null or is tested.
    bool NullIsFine =
        Key.Family->ReleaseAcceptsNull || Key.Family->ReleaseNeedsNonNull;
    auto ThenNull = [&](size_t I) {
      if (!NullIsFine || !Facts[I]->Guarded)
        return false;
      for (size_t J = I + 1; J != Facts.size(); ++J)
        if (Facts[J]->F->place() != Facts[I]->F->place())
          return Facts[J]->F->Kind == FactKind::Null && Facts[J]->Guarded;
      return false;
    };
    bool Released = false;
    for (size_t I = 0; I != Facts.size() && !Released; ++I) {
      const ReachedFact *R = Facts[I];
      Released = !R->Deferred && !R->F->ExitPath &&
                 ((R->F->Kind == FactKind::Release && R->F->Key == Key) ||
                  (R->F->Kind == FactKind::Free && !Key.Pointee)) &&
                 !ThenNull(I);
    }
    // Handed to someone else, or released again: not kept.
    return HandedOff || Released ? Acquires::Unknown : Acquires::Yes;
  }
  if (C->Opaque || HandedOff)
    return Acquires::Unknown;
  return Acquires::No;
}

CtorLeaves ClassAnalysis::leaves(const CXXConstructorDecl *Ctor,
                                 const ResourceKey &Key) {
  // A defaulted copy or move holds what the other object held: copying an
  // owner is raii-copyable-resource-owner's to report.
  if (Ctor->isCopyOrMoveConstructor() && defaultedDefinition(*Ctor))
    return CtorLeaves::TakenOver;
  switch (acquires(Ctor, Key)) {
  case Acquires::Yes:
    return CtorLeaves::Acquired;
  case Acquires::Unknown:
    return CtorLeaves::Unknown;
  case Acquires::No:
    break;
  }
  if (Key.Pointee)
    return CtorLeaves::Unacquired;
  const Closure *C = closureOf(Ctor);
  if (!C) {
    // `= default`: the default member initializer decides.
    const TrackedMember &M = Table[Key.Member];
    const FieldDecl *FD = M.Path.size() == 1 ? M.topLevel() : nullptr;
    return FD && isNullValue(FD->getInClassInitializer(), RD.getASTContext())
               ? CtorLeaves::Null
               : CtorLeaves::Unacquired;
  }
  CtorLeaves Result = CtorLeaves::Unacquired;
  for (const ReachedFact *R : C->factsOf(Key.Member)) {
    if (R->Deferred || R->F->ExitPath)
      continue;
    if (R->F->Kind == FactKind::TakeOver)
      return CtorLeaves::TakenOver;
    if (R->F->Kind == FactKind::Adopt)
      return CtorLeaves::Adopted;
    if (R->F->Kind == FactKind::Null)
      Result = CtorLeaves::Null;
  }
  return Result;
}

llvm::ArrayRef<ResourceKey> ClassAnalysis::acquiredResources() {
  if (AcquiredComputed)
    return Acquired;
  AcquiredComputed = true;
  llvm::SmallVector<ResourceKey, 4> &Keys = Acquired;
  llvm::SmallDenseSet<std::pair<unsigned, const ResourceFamily *>, 8> Seen;
  for (const CXXConstructorDecl *Ctor : constructors()) {
    const Closure *C = closureOf(Ctor);
    if (!C)
      continue;
    for (const ReachedFact &R : C->Facts)
      if (R.F->Kind == FactKind::Acquire &&
          Seen.insert({R.F->Key.Member * 2 + R.F->Key.Pointee, R.F->Key.Family})
              .second)
        Keys.push_back(R.F->Key);
  }
  // What a member points to is released before the member itself
  // (`m_p->Term(); delete m_p;`).
  llvm::stable_sort(Keys, [](const ResourceKey &L, const ResourceKey &R) {
    return std::pair(L.Member, !L.Pointee) < std::pair(R.Member, !R.Pointee);
  });
  return Acquired;
}

struct ClassAnalysis::DerivedView {
  std::unique_ptr<ClassBodies> Bodies;
  std::unique_ptr<ClassAnalysis> Analysis;
  const CXXRecordDecl *Class;
  const FunctionDecl *Destructor;
};

std::vector<DerivedDestructor> ClassAnalysis::derivedDestructors() {
  if (!DerivedViews) {
    DerivedViews.emplace();
    for (const CXXRecordDecl *D : Bodies.index().derivedFrom(RD)) {
      auto View = std::make_unique<ClassBodies>(RD, Bodies.index(), D);
      ClassBodies Own(*D, Bodies.index());
      const DestructorInfo &Dtor = Own.destructor();
      if (Dtor.Kind != DestructorKind::Defined)
        continue;
      // The definition is looked up anew: Own's memo dies with it.
      const FunctionDecl *Def = View->definition(Dtor.Decl);
      if (!Def)
        continue;
      auto Analysis = std::make_unique<ClassAnalysis>(RD, Callees, *View);
      DerivedViews->push_back({std::move(View), std::move(Analysis), D, Def});
    }
  }
  std::vector<DerivedDestructor> Result;
  for (DerivedView &V : *DerivedViews)
    if (const Closure *C = V.Analysis->closureOf(V.Destructor))
      Result.push_back({V.Class, V.Destructor, C});
  return Result;
}

bool ClassAnalysis::releasedByDerived(const ResourceKey &Key) {
  if (RD.hasAttr<FinalAttr>())
    return false;
  // Derived destructors of other translation units, from the project facts.
  if (ProjectView *Project = Callees.project()) {
    std::string Member = memberKey(Table[Key.Member]);
    for (const StoredDerived &D : Project->derivedFrom(RD)) {
      auto Has = [&](FactKind K) {
        return llvm::is_contained(
            D.Effects, derivedEffect(K, Member, Key.Pointee, Key.Family->Id));
      };
      if (D.Opaque || Has(FactKind::Release) || Has(FactKind::Escape) ||
          (!Key.Pointee && Has(FactKind::Free)))
        return true;
    }
  }
  for (const DerivedDestructor &D : derivedDestructors()) {
    const Closure *C = D.Effects;
    if (C->Opaque || C->has(FactKind::Release, Key) || C->escapes(Key.Member) ||
        (!Key.Pointee && C->frees(Key.Member)))
      return true;
  }
  return false;
}

bool ClassAnalysis::releaseAddressTaken(const ResourceFamily *Family) {
  for (const FunctionDecl *F : definedMethods())
    if (llvm::is_contained(summaryOf(F).ReleaseAddressTaken, Family))
      return true;
  for (const FunctionDecl *F : externalMethods())
    if (llvm::is_contained(summaryOf(F).ReleaseAddressTaken, Family))
      return true;
  return false;
}

namespace {

/// The first constructor of \p Ctors that acquires \p Key and keeps it.
const CXXConstructorDecl *
acquiringConstructor(ClassAnalysis &A, const ResourceKey &Key,
                     llvm::ArrayRef<const CXXConstructorDecl *> Ctors) {
  for (const CXXConstructorDecl *Ctor : Ctors)
    if (A.acquires(Ctor, Key) == Acquires::Yes)
      return Ctor;
  return nullptr;
}

/// True if \p C releases \p Key's resource with another family's release.
bool releasedByOther(const Closure &C, const ResourceKey &Key) {
  auto Facts = C.factsOf(Key.Member);
  auto ReleasesKeyAt = [&](const void *Place) {
    return llvm::any_of(Facts, [&](const ReachedFact *R) {
      return R->F->place() == Place && R->F->Kind == FactKind::Release &&
             R->F->Key == Key;
    });
  };
  return llvm::any_of(Facts, [&](const ReachedFact *R) {
    return releasedByOtherFamily(*R->F, Key, ReleasesKeyAt);
  });
}

} // namespace

bool releasedByOtherFamily(
    const Fact &Release, const ResourceKey &Key,
    llvm::function_ref<bool(const void *)> ReleasesKeyAt) {
  return Release.Kind == FactKind::Release && Release.Key.sameResource(Key) &&
         Release.Key.Family != Key.Family && !ReleasesKeyAt(Release.place());
}

std::vector<Leak> ClassAnalysis::leaks() {
  std::vector<Leak> Result;
  const DestructorInfo &Dtor = destructor();
  if (Dtor.Kind == DestructorKind::Deleted ||
      Dtor.Kind == DestructorKind::Unavailable)
    return Result;
  const Closure *DC = Dtor.Kind == DestructorKind::Defined ||
                              Dtor.Kind == DestructorKind::External
                          ? closureOf(Dtor.Def)
                          : nullptr;
  // ATL calls FinalRelease() before the destructor.
  const Closure *FC = finalRelease() ? closureOf(finalRelease()) : nullptr;
  llvm::ArrayRef<const CXXConstructorDecl *> Ctors = constructors();
  for (const ResourceKey &Key : acquiredResources()) {
    Leak L{Key, acquiringConstructor(*this, Key, Ctors), nullptr, {}, nullptr};
    if (!L.Ctor)
      continue; // Not kept by any constructor: handed off, or unknown.
    L.Acquire = closureOf(L.Ctor)->first(FactKind::Acquire, Key);
    auto Releases = [&](const Closure *C) {
      return C && (C->has(FactKind::Release, Key) || C->Opaque ||
                   C->escapes(Key.Member) || releasedByOther(*C, Key) ||
                   (!Key.Pointee && C->frees(Key.Member)));
    };
    if (Releases(DC) || Releases(FC))
      continue;
    // A base's member: the base's destructor (or a helper) may release it.
    if (releasedByBases(Key))
      continue;
    if (!Key.Family->Reported) {
      // Only kept to hold back fix-its: no need to look further.
      Result.push_back(std::move(L));
      continue;
    }
    // Released through a pointer to the release function, or by a derived
    // class's destructor.
    if (releaseAddressTaken(Key.Family) || releasedByDerived(Key))
      continue;
    llvm::SmallVector<const FunctionDecl *, 8> Methods(definedMethods());
    llvm::append_range(Methods, externalMethods());
    for (const FunctionDecl *F : Methods) {
      if ((DC && llvm::is_contained(DC->Visited, F)) ||
          (FC && llvm::is_contained(FC->Visited, F)))
        continue;
      for (const Fact &Fct : summaryOf(knownBody(F)).Facts)
        // A constructor's cleanup after a failure (leaving the function, or
        // leaving the member null) is not a release the destructor should
        // have called.
        if (Fct.Kind == FactKind::Release && Fct.Key == Key &&
            !(llvm::isa<CXXConstructorDecl>(F) &&
              (Fct.ExitPath ||
               (Fct.Guarded && acquires(llvm::cast<CXXConstructorDecl>(F),
                                        Key) == Acquires::Yes)))) {
          L.ReleasedElsewhere.push_back({F, &Fct});
          break;
        }
    }
    // A release written into the destructor must be right after every
    // constructor: one that sets the member to null is fine when the
    // release accepts null or the fix tests the member first.
    bool NullIsFine =
        Key.Family->ReleaseAcceptsNull || Key.Family->ReleaseNeedsNonNull;
    for (const CXXConstructorDecl *Ctor : Ctors) {
      CtorLeaves State = leaves(Ctor, Key);
      if (State == CtorLeaves::Acquired || State == CtorLeaves::TakenOver ||
          (State == CtorLeaves::Null && NullIsFine))
        continue;
      L.NotAcquiringCtor = Ctor;
      L.NotAcquiringLeaves = State;
      break;
    }
    Result.push_back(std::move(L));
  }
  return Result;
}

std::vector<UnacquiredRelease> ClassAnalysis::releasesWithoutAcquire() {
  std::vector<UnacquiredRelease> Result;
  const DestructorInfo &Dtor = destructor();
  if (Dtor.Kind != DestructorKind::Defined)
    return Result;
  const Closure *DC = closureOf(Dtor.Def);
  llvm::ArrayRef<const CXXConstructorDecl *> Ctors = constructors();
  for (const ResourceKey &Key : acquiredResources()) {
    if (Table[Key.Member].InheritedFrom)
      continue; // The base's own constructors are the base's to judge.
    const ReachedFact *Release = nullptr;
    for (const ReachedFact *R : DC->factsOf(Key.Member))
      if (R->F->Kind == FactKind::Release && R->F->Key == Key && !R->Guarded) {
        Release = R;
        break;
      }
    // Only a class that acquires the resource itself owns it.
    if (!Release || !acquiringConstructor(*this, Key, Ctors))
      continue;
    for (const CXXConstructorDecl *Ctor : Ctors) {
      // Null is a member's "holds nothing": releasing it is a no-op for
      // `free` and `delete`, an error for `fclose`.
      CtorLeaves State = leaves(Ctor, Key);
      if (State == CtorLeaves::Unacquired ||
          (State == CtorLeaves::Null && !Key.Family->ReleaseAcceptsNull))
        Result.push_back({Key, Ctor, Release});
    }
  }
  return Result;
}

std::vector<MismatchedRelease> ClassAnalysis::mismatchedReleases() {
  std::vector<MismatchedRelease> Result;
  llvm::ArrayRef<const CXXConstructorDecl *> Ctors = constructors();
  for (const ResourceKey &Key : acquiredResources()) {
    if (!Key.Family->Reported || Table[Key.Member].InheritedFrom)
      continue;
    const CXXConstructorDecl *Ctor = acquiringConstructor(*this, Key, Ctors);
    if (!Ctor)
      continue;
    const ReachedFact *Acquire = closureOf(Ctor)->first(FactKind::Acquire, Key);
    for (const FunctionDecl *F : definedMethods()) {
      llvm::ArrayRef<Fact> Facts = localFacts(F);
      auto ReleasesKeyAt = [&](const void *Place) {
        return llvm::any_of(Facts, [&](const Fact &Other) {
          return Other.place() == Place && Other.Kind == FactKind::Release &&
                 Other.Key == Key;
        });
      };
      for (const Fact &Fct : Facts)
        if (releasedByOtherFamily(Fct, Key, ReleasesKeyAt))
          Result.push_back({Key, Ctor, Acquire, &Fct, F});
    }
  }
  return Result;
}

} // namespace clang::tidy::raii
