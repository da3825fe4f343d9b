//===--- Lifecycle.h - raii-tidy --------------------------------*- C++ -*-===//
//
// Two-phase objects: resources a method of a lifecycle pair acquires
// (`Init()`, `Open()`, ATL's `FinalConstruct()`) that neither its closing
// method (`Term()`, `Close()`, `FinalRelease()`) nor the destructor
// releases. The pairs are data of the resource model (LifecyclePair, the
// checks' LifecyclePairs option).
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_LIFECYCLE_H
#define RAII_TIDY_LIFECYCLE_H

#include "ClassAnalysis.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::raii {

/// A resource that an opening method acquires and that neither its closing
/// method nor the destructor releases.
struct LifecycleLeak {
  ResourceKey Key;
  const LifecyclePair *Pair;
  const FunctionDecl *Open;     ///< The opening method's definition.
  const ReachedFact *Acquire;   ///< The acquisition, reached from Open.
  const CXXMethodDecl *Close;   ///< The closing method, if declared.
  const FunctionDecl *CloseDef; ///< Its definition, if in this TU.
};

/// True if \p RD declares a non-static method named as the opening method
/// of one of \p Pairs: only then can it have lifecycle leaks.
bool declaresOpeningMethod(const CXXRecordDecl &RD,
                           llvm::ArrayRef<LifecyclePair> Pairs);

/// True if \p Open reaches \p Site on every path that completes: directly
/// in its body, not under a condition, with no `return` before it.
bool acquiredUnconditionally(const FunctionDecl &Open, const ReachedFact &R);

/// The lifecycle leaks of \p A's class. An opening method that a
/// constructor calls is left to the constructor's rules, and so is a
/// resource a constructor acquires; a resource that any other member
/// function, a derived class's destructor or a pointer to the release
/// function may release is not reported.
std::vector<LifecycleLeak> lifecycleLeaks(ClassAnalysis &A,
                                          llvm::ArrayRef<LifecyclePair> Pairs);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_LIFECYCLE_H
