//===--- ClassCheck.h - raii-tidy -------------------------------*- C++ -*-===//
//
// Checks: the base of every raii check (ClassCheck), the classes they
// analyse, and the one pass over them that the checks share. Each check matches
// the translation unit once; the user's classes are found by one walk over
// declaration contexts per translation unit, skipping system headers and
// template instantiations wholesale: dispatching a class matcher over every
// class of <windows.h> and the C++ library cost more than the analysis.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_CLASSCHECK_H
#define RAII_TIDY_CLASSCHECK_H

#include "BodyWalk.h"
#include "CalleeSummary.h"
#include "DelayedTemplates.h"
#include "FixPlanner.h"
#include "LeakReporter.h"
#include "ProjectFacts.h"
#include "ResourceModel.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <optional>

namespace clang::tidy::raii {

struct ExplainRequest;

/// A raii check that judges classes one at a time. The raii checks of a
/// translation unit share one pass over its classes: the first of them whose
/// check() runs judges each class with every one of them in turn, while the
/// class's AST is in the cache, and the others' check() do nothing. (The
/// checks' diagnostics are sorted by clang-tidy; --enable-check-profile
/// charges the whole pass to the check that ran it.)
class ClassCheck : public ClangTidyCheck {
public:
  ClassCheck(StringRef Name, ClangTidyContext *Context);
  ~ClassCheck() override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) final;
  void onStartOfTranslationUnit() override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

  /// Judges one class of the translation unit. \p Bodies are the walks of
  /// its function bodies, shared with the other checks of the pass;
  /// \p Record is what the checks judged before this one learnt about the
  /// class (the releases their fix-its write).
  virtual void checkClass(const CXXRecordDecl &RD, ASTContext &Ctx,
                          ClassBodies &Bodies, ClassRecord &Record) = 0;

  /// Judges the translation unit's free functions written in user code
  /// (definitions, at namespace scope), after its classes.
  virtual void
  checkFreeFunctions(llvm::ArrayRef<const FunctionDecl *> Functions,
                     ASTContext &Ctx) {}

  /// Checks that judge a class as the fix-its of the others leave it run
  /// after them.
  virtual bool judgesAfterFixes() const { return false; }

  /// The opening and closing methods the check pairs.
  virtual llvm::ArrayRef<LifecyclePair> lifecyclePairs() const { return {}; }

protected:
  /// Where an option entry of the check came from: the option's local name
  /// and the entry as the user wrote it, or an empty name for an entry the
  /// check did not read from an option.
  struct OptionEntry {
    llvm::StringRef Option;
    std::string Entry;
  };
  virtual OptionEntry
  optionEntryOf(const ResourceModel::ArgumentMisfit &Misfit) const {
    return {};
  }

  /// Call from registerMatchers when the check is enabled.
  void matchClasses(ast_matchers::MatchFinder *Finder);
  /// Call from storeOptions: the options every check has (whole program,
  /// FinalReleaseBases).
  void storeSharedOptions(ClangTidyOptions::OptionMap &Opts);
  /// The project facts of the translation unit, if the check has any.
  ProjectView *project() { return Project ? &*Project : nullptr; }

  /// The families the check tracks; empty when an option is malformed (the
  /// check then does nothing).
  std::optional<ResourceModel> Model;

  /// The callee summaries of the translation unit for Model.
  CalleeSummaries &callees();

  /// How a leak check words its warnings and what it reports.
  struct LeakPolicy {
    llvm::ArrayRef<LifecyclePair> Pairs;
    LeakWording Wording;
    /// Also reports releases by the wrong family.
    bool Mismatches;
  };
  /// checkClass() of a leak check: the leaks of \p RD's constructors (and
  /// their planned releases, into \p Record) and of its opening methods.
  void judgeLeaks(const CXXRecordDecl &RD, ASTContext &Ctx, ClassBodies &Bodies,
                  ClassRecord &Record, const LeakPolicy &Policy);
  /// checkFreeFunctions() of a leak check.
  void judgeGlobalLeaks(llvm::ArrayRef<const FunctionDecl *> Functions,
                        ASTContext &Ctx, const LeakPolicy &Policy);

private:
  /// Whole program (docs/whole-program.md), options read local or global:
  /// the directory the collect step writes the translation unit's facts
  /// into (the checks then report nothing), and the merged facts the
  /// checks judge with.
  const std::string CollectFacts;
  const std::string ProjectFactsPath;
  /// FinalReleaseBases, read local or global, and parsed (ResourceModel).
  const std::string FinalReleaseBasesValue;
  std::vector<std::string> FinalReleaseBases;
  /// False when a shared option is malformed: the check does nothing.
  bool SharedOptionsValid = true;
  /// The project facts for this translation unit, when ProjectFacts names
  /// a usable file.
  std::optional<ProjectView> Project;

  /// The collect step: the facts of the translation unit \p TU, for each of
  /// \p Checks, into the directory CollectFacts names.
  void collect(llvm::ArrayRef<ClassCheck *> Checks,
               const TranslationUnitDecl &TU, ASTContext &Ctx);
  /// Loads ProjectFacts (once per process and version of the file) for the
  /// translation unit, or says why it cannot.
  void useProjectFacts();
  /// Warns of the files whose facts were not used because they changed.
  void reportStaleFacts();

  /// Fills in raii-explain's table of \p RD, as each of \p Checks sees it.
  static void explain(ExplainRequest &Request, const CXXRecordDecl &RD,
                      ASTContext &Ctx, ClassBodies &Bodies,
                      const ClassRecord &Record,
                      llvm::ArrayRef<ClassCheck *> Checks);

  /// Reports the option entries whose argument index the declarations seen
  /// so far cannot have.
  void reportArgumentMisfits(const SourceManager &SM) const;

  /// Reports, once for the translation unit, the class templates whose
  /// delayed bodies could not be parsed (\p Unjudged, in the order found).
  void reportUnjudged(llvm::ArrayRef<std::pair<const CXXRecordDecl *,
                                               DelayedTemplates::Unjudged>>
                          Unjudged,
                      const ASTContext &Ctx);
  /// True if a finding in \p RD's file would be shown.
  bool reportsIn(const CXXRecordDecl &RD, const ASTContext &Ctx) const;

  /// The MatchFinder of the translation unit: it identifies the checks that
  /// share a pass.
  const void *Finder = nullptr;
  ClangTidyContext *TidyContext;
  Preprocessor *PP = nullptr;
  /// The delayed bodies of the translation unit, parsed by the first check
  /// of the pass to start it and shared with the others.
  std::shared_ptr<DelayedTemplates> Delayed;
  std::optional<CalleeSummaries> Callees;
};

} // namespace clang::tidy::raii

#endif // RAII_TIDY_CLASSCHECK_H
