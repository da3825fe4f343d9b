//===--- UnreleasedMemberCheck.cpp - raii-tidy ----------------------------===//

#include "UnreleasedMemberCheck.h"
#include "CheckOptions.h"
#include "ClassCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::raii {

UnreleasedMemberCheck::UnreleasedMemberCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : ClassCheck(Name, Context),
      Families(Options.get("Families", defaultFamilyIds())),
      CustomFamilies(Options.get("CustomFamilies", "")),
      LifecyclePairs(Options.get("LifecyclePairs", DefaultLifecyclePairs)) {
  std::vector<ResourceFamily> Chosen;
  if (!parseFamilyIdsOption(*this, Name, "Families", Families, Chosen) ||
      !parseCustomFamiliesOption(*this, Name, "CustomFamilies", CustomFamilies,
                                 Chosen) ||
      !parseLifecyclePairsOption(*this, Name, "LifecyclePairs", LifecyclePairs,
                                 Pairs))
    return;
  if (Chosen.empty()) {
    configurationDiag("option '%0.Families' is empty and '%0.CustomFamilies' "
                      "defines no family, so the check would report nothing: "
                      "name at least one family (to turn the check off, "
                      "remove it from 'Checks'); the check is disabled",
                      DiagnosticIDs::Error)
        << Name;
    return;
  }
  // Critical sections are raii-critical-section-leak's to report; tracking
  // them keeps the fix-its from freeing one that is still initialized.
  ResourceFamily CriticalSections = criticalSectionFamily();
  CriticalSections.Reported = false;
  Chosen.push_back(std::move(CriticalSections));
  Model.emplace(std::move(Chosen));
}

void UnreleasedMemberCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Families", Families);
  Options.store(Opts, "CustomFamilies", CustomFamilies);
  Options.store(Opts, "LifecyclePairs", LifecyclePairs);
  storeSharedOptions(Opts);
}

ClassCheck::OptionEntry UnreleasedMemberCheck::optionEntryOf(
    const ResourceModel::ArgumentMisfit &Misfit) const {
  // Only the user's families have entries that are not built in.
  return {"CustomFamilies", Misfit.Family->Name};
}

void UnreleasedMemberCheck::registerMatchers(MatchFinder *Finder) {
  if (Model)
    matchClasses(Finder);
}

void UnreleasedMemberCheck::checkClass(const CXXRecordDecl &RD, ASTContext &Ctx,
                                       ClassBodies &Bodies,
                                       ClassRecord &Record) {
  judgeLeaks(RD, Ctx, Bodies, Record, {Pairs, LeakWording::NameAcquirer, true});
}

void UnreleasedMemberCheck::checkFreeFunctions(
    llvm::ArrayRef<const FunctionDecl *> Functions, ASTContext &Ctx) {
  judgeGlobalLeaks(Functions, Ctx, {Pairs, LeakWording::NameAcquirer, true});
}

} // namespace clang::tidy::raii
