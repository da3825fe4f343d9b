//===--- UnreleasedMemberCheck.cpp - raii-tidy ----------------------------===//

#include "UnreleasedMemberCheck.h"
#include "CheckOptions.h"
#include "ClassAnalysis.h"
#include "ClassMatcher.h"
#include "LeakReporter.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::raii {

UnreleasedMemberCheck::UnreleasedMemberCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Families(Options.get("Families", defaultFamilyIds())),
      CustomFamilies(Options.get("CustomFamilies", "")) {
  std::vector<ResourceFamily> Chosen;
  if (!parseFamilyIdsOption(*this, Name, "Families", Families, Chosen) ||
      !parseCustomFamiliesOption(*this, Name, "CustomFamilies", CustomFamilies,
                                 Chosen))
    return;
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
}

void UnreleasedMemberCheck::registerMatchers(MatchFinder *Finder) {
  if (!Model || Model->families().empty())
    return;
  Finder->addMatcher(analysedTranslationUnit(), this);
}

void UnreleasedMemberCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("tu");
  forEachClassAnalysis(*TU, *Model, [&](ClassAnalysis &Analysis) {
    reportLeaks(*this, Analysis, *Result.Context, LeakWording::NameAcquirer);
    reportMismatchedReleases(*this, Analysis, *Result.Context);
  });
}

} // namespace clang::tidy::raii
