//===--- CopyableResourceOwnerCheck.h - raii-tidy ---------------*- C++ -*-===//

#ifndef RAII_TIDY_COPYABLERESOURCEOWNERCHECK_H
#define RAII_TIDY_COPYABLERESOURCEOWNERCHECK_H

#include "ClassCheck.h"
#include "ResourceModel.h"

namespace clang::tidy::raii {

/// Finds classes that acquire a resource in a constructor and release it in
/// the destructor, but whose copy constructor or copy assignment operator is
/// implicit or defaulted: a copy releases the resource twice.
///
/// For the user-facing documentation see:
/// docs/checks/raii-copyable-resource-owner.rst
class CopyableResourceOwnerCheck : public ClassCheck {
public:
  CopyableResourceOwnerCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  /// The leak checks' fix-its of the same run release what the class then
  /// owns: judged after them, one `--fix` run writes both fixes.
  bool judgesAfterFixes() const override { return true; }
  void checkClass(const CXXRecordDecl &RD, ASTContext &Ctx, ClassBodies &Bodies,
                  ClassRecord &Record) override;
};

} // namespace clang::tidy::raii

#endif // RAII_TIDY_COPYABLERESOURCEOWNERCHECK_H
