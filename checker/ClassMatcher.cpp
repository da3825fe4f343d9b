//===--- ClassMatcher.cpp - raii-tidy -------------------------------------===//

#include "ClassMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <mutex>
#include <vector>

using namespace clang::ast_matchers;

namespace clang::tidy::raii {

namespace {

/// Walks declaration contexts rather than the whole AST: classes live in
/// namespaces, classes and (local classes) functions, so statements and
/// expressions are never visited. System headers are skipped wholesale.
class ClassFinder {
public:
  ClassFinder(const SourceManager &SM,
              llvm::function_ref<void(const CXXRecordDecl &)> Visit)
      : SM(SM), Visit(Visit) {}

  void walk(const DeclContext &DC) {
    for (const Decl *D : DC.decls()) {
      if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
        continue;
      if (const auto *CTD = llvm::dyn_cast<ClassTemplateDecl>(D))
        D = CTD->getTemplatedDecl();
      else if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
        D = FTD->getTemplatedDecl();
      if (const auto *RD = llvm::dyn_cast<CXXRecordDecl>(D)) {
        if (!RD->isThisDeclarationADefinition() ||
            isTemplateInstantiation(RD->getTemplateSpecializationKind()))
          continue;
        // A lambda's class is not analysed, but classes declared in its
        // body are found through its call operator.
        if (!RD->isImplicit() && !RD->isLambda())
          Visit(*RD);
        walk(*RD);
      } else if (const auto *FD = llvm::dyn_cast<FunctionDecl>(D)) {
        if (FD->doesThisDeclarationHaveABody())
          walk(*FD);
      } else if (llvm::isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
        walk(*llvm::cast<DeclContext>(D));
      }
    }
  }

private:
  const SourceManager &SM;
  llvm::function_ref<void(const CXXRecordDecl &)> Visit;
};

} // namespace

DeclarationMatcher analysedTranslationUnit() {
  return translationUnitDecl().bind("tu");
}

namespace {

/// The classes of each live ASTContext, found by the first raii check that
/// asks: walking every declaration of <windows.h> and the C++ library costs
/// more than analysing the user's classes, so it is done once per
/// translation unit, not once per check. An entry is dropped when its
/// ASTContext is destroyed, so a later context at the same address never
/// sees it. Guarded by a mutex: clangd builds ASTs on several threads.
class ClassIndex {
public:
  static llvm::ArrayRef<const CXXRecordDecl *>
  classesOf(const TranslationUnitDecl &TU) {
    const ASTContext &Ctx = TU.getASTContext();
    {
      std::lock_guard<std::mutex> Lock(mutex());
      auto It = map().find(&Ctx);
      if (It != map().end())
        return *It->second;
    }
    auto Classes = std::make_unique<std::vector<const CXXRecordDecl *>>();
    ClassFinder(Ctx.getSourceManager(), [&](const CXXRecordDecl &RD) {
      Classes->push_back(&RD);
    }).walk(TU);
    llvm::ArrayRef<const CXXRecordDecl *> Result = *Classes;
    std::lock_guard<std::mutex> Lock(mutex());
    map()[&Ctx] = std::move(Classes);
    Ctx.AddDeallocation(&ClassIndex::forget, const_cast<ASTContext *>(&Ctx));
    return Result;
  }

private:
  using Map =
      llvm::DenseMap<const ASTContext *,
                     std::unique_ptr<std::vector<const CXXRecordDecl *>>>;
  static std::mutex &mutex() {
    static std::mutex M;
    return M;
  }
  static Map &map() {
    static Map M;
    return M;
  }
  static void forget(void *Ctx) {
    std::lock_guard<std::mutex> Lock(mutex());
    map().erase(static_cast<const ASTContext *>(Ctx));
  }
};

} // namespace

void forEachAnalysedClass(
    const TranslationUnitDecl &TU,
    llvm::function_ref<void(const CXXRecordDecl &)> Visit) {
  for (const CXXRecordDecl *RD : ClassIndex::classesOf(TU))
    Visit(*RD);
}

} // namespace clang::tidy::raii
