//===--- CriticalSectionLeakCheck.h - raii-tidy -----------------*- C++ -*-===//

#ifndef RAII_TIDY_CRITICALSECTIONLEAKCHECK_H
#define RAII_TIDY_CRITICALSECTIONLEAKCHECK_H

#include "ClassCheck.h"
#include "Lifecycle.h"
#include "ResourceModel.h"
#include <optional>

namespace clang::tidy::raii {

/// Finds Win32 critical sections that a class's constructor initializes and
/// its destructor never deletes (Microsoft KB Q265514), and destructors that
/// delete a critical section some constructor never initialized.
///
/// For the user-facing documentation see:
/// docs/checks/raii-critical-section-leak.rst
class CriticalSectionLeakCheck : public ClassCheck {
public:
  CriticalSectionLeakCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkClass(const CXXRecordDecl &RD, ASTContext &Ctx, ClassBodies &Bodies,
                  ClassRecord &Record) override;
  void checkFreeFunctions(llvm::ArrayRef<const FunctionDecl *> Functions,
                          ASTContext &Ctx) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  llvm::ArrayRef<LifecyclePair> lifecyclePairs() const override {
    return Pairs;
  }

protected:
  OptionEntry
  optionEntryOf(const ResourceModel::ArgumentMisfit &Misfit) const override;

private:
  const std::string InitFunctions;
  const std::string DeleteFunctions;
  const std::string LifecyclePairs;
  std::vector<LifecyclePair> Pairs;
};

} // namespace clang::tidy::raii

#endif // RAII_TIDY_CRITICALSECTIONLEAKCHECK_H
