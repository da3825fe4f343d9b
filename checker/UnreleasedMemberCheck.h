//===--- UnreleasedMemberCheck.h - raii-tidy --------------------*- C++ -*-===//

#ifndef RAII_TIDY_UNRELEASEDMEMBERCHECK_H
#define RAII_TIDY_UNRELEASEDMEMBERCHECK_H

#include "ClassCheck.h"
#include "Lifecycle.h"
#include "ResourceModel.h"
#include <optional>

namespace clang::tidy::raii {

/// Finds resources of many families (pthread and C11 locks, Win32 handles and
/// registry keys, files, descriptors, heap memory, ATL critical sections, and
/// families the user defines) that a class's constructor acquires and its
/// destructor never releases, and releases by the wrong family (`new[]`
/// released by `delete`).
///
/// For the user-facing documentation see:
/// docs/checks/raii-unreleased-member.rst
class UnreleasedMemberCheck : public ClassCheck {
public:
  UnreleasedMemberCheck(StringRef Name, ClangTidyContext *Context);
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
  const std::string Families;
  const std::string CustomFamilies;
  const std::string LifecyclePairs;
  std::vector<LifecyclePair> Pairs;
};

} // namespace clang::tidy::raii

#endif // RAII_TIDY_UNRELEASEDMEMBERCHECK_H
