//===--- Lifecycle.cpp - raii-tidy ----------------------------------------===//

#include "Lifecycle.h"
#include "AstQueries.h"
#include "ResourceModel.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::raii {

namespace {

/// What \p C does that may release \p Key's resource (nothing is known of
/// a function without a closure).
bool mayRelease(const Closure *C, const ResourceKey &Key) {
  return !C || C->mayRelease(Key);
}

} // namespace

bool declaresOpeningMethod(const CXXRecordDecl &RD,
                           llvm::ArrayRef<LifecyclePair> Pairs) {
  if (Pairs.empty())
    return false;
  for (const Decl *D : RD.decls()) {
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    const auto *MD = llvm::dyn_cast<CXXMethodDecl>(D);
    if (MD && !MD->isStatic() && MD->getIdentifier() &&
        llvm::any_of(Pairs, [&](const LifecyclePair &P) {
          return isNamed(*MD, P.Open);
        }))
      return true;
  }
  return false;
}

bool acquiredUnconditionally(const FunctionDecl &Open, const ReachedFact &R) {
  const auto *Body = llvm::dyn_cast_or_null<CompoundStmt>(Open.getBody());
  if (!Body || R.In != &Open || R.Guarded)
    return false;
  // Statement by statement (source ranges cannot say: a macro at the end of
  // one, `return E_FAIL;`, makes it seem to contain what follows).
  for (const Stmt *Top : Body->body()) {
    switch (returnOrTarget(*Top, R.F->Site)) {
    case FirstFound::Target:
      return true;
    case FirstFound::Return:
      return false;
    case FirstFound::Neither:
      break;
    }
  }
  return false;
}

std::vector<LifecycleLeak> lifecycleLeaks(ClassAnalysis &A,
                                          llvm::ArrayRef<LifecyclePair> Pairs) {
  std::vector<LifecycleLeak> Leaks;
  if (Pairs.empty())
    return Leaks;
  const CXXRecordDecl &RD = A.record();
  llvm::ArrayRef<const FunctionDecl *> Methods = A.definedMethods();
  auto IsOpening = [&](const FunctionDecl *F) {
    const auto *MD = llvm::dyn_cast<CXXMethodDecl>(F);
    return MD && !MD->isStatic() && !llvm::isa<CXXConstructorDecl>(MD) &&
           !llvm::isa<CXXDestructorDecl>(MD) &&
           llvm::any_of(Pairs, [&](const LifecyclePair &P) {
             return isNamed(*F, P.Open);
           });
  };
  if (llvm::none_of(Methods, IsOpening))
    return Leaks;
  // What the constructors reach is the constructors' to judge.
  llvm::SmallPtrSet<const FunctionDecl *, 8> FromConstructors;
  for (const CXXConstructorDecl *Ctor : A.constructors())
    if (const Closure *C = A.closureOf(Ctor))
      FromConstructors.insert(C->Visited.begin(), C->Visited.end());
  const DestructorInfo &Dtor = A.destructor();
  if (Dtor.Kind == DestructorKind::Unavailable ||
      Dtor.Kind == DestructorKind::Deleted)
    return Leaks;
  const Closure *DtorClosure = Dtor.Kind == DestructorKind::Defined ||
                                       Dtor.Kind == DestructorKind::External
                                   ? A.closureOf(Dtor.Def)
                                   : nullptr;

  llvm::SmallVector<ResourceKey, 4> Seen;
  for (const LifecyclePair &Pair : Pairs)
    for (const FunctionDecl *Open : Methods) {
      if (!isNamed(*Open, Pair.Open) || !IsOpening(Open) ||
          FromConstructors.count(Open))
        continue;
      const Closure *C = A.closureOf(Open);
      if (!C)
        continue;
      // The closing method as declared in the class, and its definition.
      const CXXMethodDecl *Close = nullptr;
      if (!Pair.Close.empty())
        for (const CXXMethodDecl *MD : RD.methods())
          if (isNamed(*MD, Pair.Close) && !MD->isStatic()) {
            Close = MD;
            break;
          }
      const FunctionDecl *CloseDef = Close ? A.bodyOf(Close) : nullptr;
      // Declared here, defined elsewhere, or overridden in a derived class
      // (`virtual void Term()`): it may release anything.
      if (Close &&
          (!CloseDef || (Close->isVirtual() && !Close->hasAttr<FinalAttr>() &&
                         !RD.hasAttr<FinalAttr>())))
        continue;
      for (const ReachedFact &R : C->Facts) {
        const ResourceKey &Key = R.F->Key;
        if (R.F->Kind != FactKind::Acquire || R.Deferred || R.F->ExitPath ||
            !Key.Family || !Key.Family->Reported ||
            llvm::is_contained(Seen, Key))
          continue;
        Seen.push_back(Key);
        if (C->escapes(Key.Member, /*OnCompletion=*/true))
          continue;
        if (llvm::any_of(A.constructors(), [&](const CXXConstructorDecl *Ct) {
              return A.acquires(Ct, Key) != Acquires::No;
            }))
          continue;
        if (DtorClosure && mayRelease(DtorClosure, Key))
          continue;
        if (A.mayBeReleasedOutside(Key))
          continue;
        // Released by any other member function (the closing method
        // included): another lifecycle the pairs do not name.
        auto ReleasesIt = [&](const FunctionDecl *F) {
          return F != Open && F != Dtor.Def && mayRelease(A.closureOf(F), Key);
        };
        if (llvm::any_of(Methods, ReleasesIt) ||
            llvm::any_of(A.externalMethods(), ReleasesIt))
          continue;
        Leaks.push_back({Key, &Pair, Open, &R, Close, CloseDef});
      }
    }
  return Leaks;
}

} // namespace clang::tidy::raii
