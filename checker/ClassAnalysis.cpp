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
  Slot = std::make_unique<FunctionSummary>(
      summarize(Bodies.of(Def), RD, Table, Callees, Bodies.objects()));
  RAII_DEBUG("raii-summary", {
    llvm::dbgs() << "raii-summary: " << Def->getQualifiedNameAsString() << " ("
                 << Slot->Facts.size() << " facts)\n";
    Slot->dump(Table, RD.getASTContext().getSourceManager(), llvm::dbgs());
  });
  return *Slot;
}

llvm::ArrayRef<Fact> ClassAnalysis::localFacts(const FunctionDecl *FD) {
  const FunctionDecl *Def = bodyOf(FD);
  if (!Def)
    return {};
  return summaryOf(Def).Facts;
}

const Closure *ClassAnalysis::closureOf(const FunctionDecl *FD) {
  const FunctionDecl *Def = bodyOf(FD);
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
      const FunctionDecl *CalleeDef = bodyOf(Call.Callee);
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
        if (Facts[J]->F->Site != Facts[I]->F->Site)
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
  const FunctionDecl *Destructor;
};

bool ClassAnalysis::releasedByDerived(const ResourceKey &Key) {
  if (RD.hasAttr<FinalAttr>())
    return false;
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
      DerivedViews->push_back({std::move(View), std::move(Analysis), Def});
    }
  }
  for (DerivedView &V : *DerivedViews) {
    const Closure *C = V.Analysis->closureOf(V.Destructor);
    if (C && (C->Opaque || C->has(FactKind::Release, Key) ||
              C->escapes(Key.Member) || (!Key.Pointee && C->frees(Key.Member))))
      return true;
  }
  return false;
}

bool ClassAnalysis::releaseAddressTaken(const ResourceFamily *Family) {
  for (const FunctionDecl *F : definedMethods())
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
  auto ReleasesKeyAt = [&](const Stmt *Site) {
    return llvm::any_of(Facts, [&](const ReachedFact *R) {
      return R->F->Site == Site && R->F->Kind == FactKind::Release &&
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
    llvm::function_ref<bool(const Stmt *)> ReleasesKeyAt) {
  return Release.Kind == FactKind::Release && Release.Key.sameResource(Key) &&
         Release.Key.Family != Key.Family && !ReleasesKeyAt(Release.Site);
}

std::vector<Leak> ClassAnalysis::leaks() {
  std::vector<Leak> Result;
  const DestructorInfo &Dtor = destructor();
  if (Dtor.Kind == DestructorKind::Deleted ||
      Dtor.Kind == DestructorKind::Unavailable)
    return Result;
  const Closure *DC =
      Dtor.Kind == DestructorKind::Defined ? closureOf(Dtor.Def) : nullptr;
  llvm::ArrayRef<const CXXConstructorDecl *> Ctors = constructors();
  for (const ResourceKey &Key : acquiredResources()) {
    Leak L{Key, acquiringConstructor(*this, Key, Ctors), nullptr, {}, nullptr};
    if (!L.Ctor)
      continue; // Not kept by any constructor: handed off, or unknown.
    L.Acquire = closureOf(L.Ctor)->first(FactKind::Acquire, Key);
    if (DC && (DC->has(FactKind::Release, Key) || DC->Opaque ||
               DC->escapes(Key.Member) || releasedByOther(*DC, Key) ||
               (!Key.Pointee && DC->frees(Key.Member))))
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
    for (const FunctionDecl *F : definedMethods()) {
      if (DC && llvm::is_contained(DC->Visited, F))
        continue;
      for (const Fact &Fct : localFacts(F))
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
      auto ReleasesKeyAt = [&](const Stmt *Site) {
        return llvm::any_of(Facts, [&](const Fact &Other) {
          return Other.Site == Site && Other.Kind == FactKind::Release &&
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
