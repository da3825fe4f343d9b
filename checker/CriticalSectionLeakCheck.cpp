//===--- CriticalSectionLeakCheck.cpp - raii-tidy -------------------------===//

#include "CriticalSectionLeakCheck.h"
#include "CheckOptions.h"
#include "ClassCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::raii {

CriticalSectionLeakCheck::CriticalSectionLeakCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : ClassCheck(Name, Context),
      InitFunctions(
          Options.get("InitFunctions", DefaultCriticalSectionInitFunctions)),
      DeleteFunctions(Options.get("DeleteFunctions",
                                  DefaultCriticalSectionDeleteFunctions)),
      LifecyclePairs(Options.get("LifecyclePairs", DefaultLifecyclePairs)) {
  std::optional<FunctionSet> Init =
      parseFunctionListOption(*this, Name, "InitFunctions", InitFunctions);
  std::optional<FunctionSet> Delete =
      parseFunctionListOption(*this, Name, "DeleteFunctions", DeleteFunctions);
  if (!Init || !Delete ||
      !parseLifecyclePairsOption(*this, Name, "LifecyclePairs", LifecyclePairs,
                                 Pairs))
    return;
  ResourceFamily Family = criticalSectionFamily();
  Family.Acquire = std::move(*Init);
  Family.Release = std::move(*Delete);
  Model.emplace(std::vector<ResourceFamily>{std::move(Family)});
}

void CriticalSectionLeakCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "InitFunctions", InitFunctions);
  Options.store(Opts, "DeleteFunctions", DeleteFunctions);
  Options.store(Opts, "LifecyclePairs", LifecyclePairs);
  storeSharedOptions(Opts);
}

ClassCheck::OptionEntry CriticalSectionLeakCheck::optionEntryOf(
    const ResourceModel::ArgumentMisfit &Misfit) const {
  return {Misfit.Kind == RoleKind::Acquire ? "InitFunctions"
                                           : "DeleteFunctions",
          Misfit.Spec->str()};
}

void CriticalSectionLeakCheck::registerMatchers(MatchFinder *Finder) {
  if (Model)
    matchClasses(Finder);
}

void CriticalSectionLeakCheck::checkClass(const CXXRecordDecl &RD,
                                          ASTContext &Ctx, ClassBodies &Bodies,
                                          ClassRecord &Record) {
  judgeLeaks(RD, Ctx, Bodies, Record, {Pairs, LeakWording::Plain, false});
}

void CriticalSectionLeakCheck::checkFreeFunctions(
    llvm::ArrayRef<const FunctionDecl *> Functions, ASTContext &Ctx) {
  judgeGlobalLeaks(Functions, Ctx, {Pairs, LeakWording::Plain, false});
}

} // namespace clang::tidy::raii
