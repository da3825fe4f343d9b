//===--- ClassMatcher.cpp - raii-tidy -------------------------------------===//

#include "ClassMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::raii {

namespace {

class ClassFinder : public RecursiveASTVisitor<ClassFinder> {
public:
  ClassFinder(const SourceManager &SM,
              llvm::function_ref<void(const CXXRecordDecl &)> Visit)
      : SM(SM), Visit(Visit) {}

  // Instantiations and implicit code are not visited (the defaults).
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    if (RD->isThisDeclarationADefinition() && !RD->isImplicit() &&
        !RD->isLambda() &&
        !isTemplateInstantiation(RD->getTemplateSpecializationKind()))
      Visit(*RD);
    return true;
  }

private:
  const SourceManager &SM;
  llvm::function_ref<void(const CXXRecordDecl &)> Visit;
};

} // namespace

DeclarationMatcher analysedTranslationUnit() {
  return translationUnitDecl().bind("tu");
}

void forEachAnalysedClass(
    const TranslationUnitDecl &TU,
    llvm::function_ref<void(const CXXRecordDecl &)> Visit) {
  ClassFinder(TU.getASTContext().getSourceManager(), Visit)
      .TraverseDecl(const_cast<TranslationUnitDecl *>(&TU));
}

} // namespace clang::tidy::raii
