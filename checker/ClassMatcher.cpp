//===--- ClassMatcher.cpp - raii-tidy -------------------------------------===//

#include "ClassMatcher.h"

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

DeclarationMatcher analysedClass() {
  // Cheapest and most selective first: most classes of a TU are in system
  // headers.
  return cxxRecordDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                       unless(isImplicit()), unless(isLambda()),
                       unless(isInInstantiation()))
      .bind("class");
}

} // namespace clang::tidy::raii
