//===--- CriticalSectionLeakCheck.cpp - raii-tidy -------------------------===//

#include "CriticalSectionLeakCheck.h"
#include "CheckOptions.h"
#include "ClassAnalysis.h"
#include "LeakReporter.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::raii {

namespace {

// Like `isInstantiated()`, but walks the declaration contexts instead of the
// AST parent map: building that map for every class costs a large share of
// clang-tidy's time and memory on a TU that includes <windows.h>.
AST_MATCHER(CXXRecordDecl, isInInstantiation) {
  for (const DeclContext *DC = &Node; DC; DC = DC->getParent()) {
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
      if (isTemplateInstantiation(RD->getTemplateSpecializationKind()))
        return true;
    } else if (const auto *FD = dyn_cast<FunctionDecl>(DC)) {
      if (isTemplateInstantiation(FD->getTemplateSpecializationKind()))
        return true;
    }
  }
  return false;
}

} // namespace

CriticalSectionLeakCheck::CriticalSectionLeakCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      InitFunctions(
          Options.get("InitFunctions", DefaultCriticalSectionInitFunctions)),
      DeleteFunctions(Options.get("DeleteFunctions",
                                  DefaultCriticalSectionDeleteFunctions)) {
  std::optional<FunctionSet> Init =
      parseFunctionListOption(*this, Name, "InitFunctions", InitFunctions);
  std::optional<FunctionSet> Delete =
      parseFunctionListOption(*this, Name, "DeleteFunctions", DeleteFunctions);
  if (!Init || !Delete)
    return;
  Family = criticalSectionFamily();
  Family->Acquire = std::move(*Init);
  Family->Release = std::move(*Delete);
}

void CriticalSectionLeakCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "InitFunctions", InitFunctions);
  Options.store(Opts, "DeleteFunctions", DeleteFunctions);
}

void CriticalSectionLeakCheck::registerMatchers(MatchFinder *Finder) {
  if (!Family)
    return;
  // Each class definition once: template patterns, not their instantiations.
  Finder->addMatcher(cxxRecordDecl(isDefinition(), unless(isImplicit()),
                                   unless(isLambda()),
                                   unless(isInInstantiation()),
                                   unless(isExpansionInSystemHeader()))
                         .bind("class"),
                     this);
}

void CriticalSectionLeakCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *RD = Result.Nodes.getNodeAs<CXXRecordDecl>("class");
  if (!RD || RD->isInvalidDecl())
    return;
  ClassAnalysis Analysis(*RD, *Family);
  if (Analysis.members().empty())
    return;
  reportClass(*this, Analysis, *Result.Context);
}

} // namespace clang::tidy::raii
