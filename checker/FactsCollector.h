//===--- FactsCollector.h - raii-tidy ---------------------------*- C++ -*-===//
//
// Whole program, collect step: the facts of one translation unit
// (ProjectFacts.h), from the same analysis the checks run. For every class
// the pass finds, what its member functions defined in the main file do to
// its members (one summary per check and options), what the destructors of
// classes derived from it do, and where owner classes are copied; written as
// one JSON file per translation unit when the pass ends.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_FACTSCOLLECTOR_H
#define RAII_TIDY_FACTSCOLLECTOR_H

#include "BodyWalk.h"
#include "CalleeSummary.h"
#include "ProjectFacts.h"

namespace clang::tidy::raii {

/// The options fingerprint of \p Model: facts collected with one model are
/// used only by a check with the same.
std::string modelFingerprint(const ResourceModel &Model);

class FactsCollector {
public:
  explicit FactsCollector(ASTContext &Ctx);

  /// Records that the check \p Check, whose model \p Model is, collected
  /// facts (possibly none): its checks then use them.
  void addCheck(llvm::StringRef Check, const ResourceModel &Model);
  /// Records what \p RD's functions defined in the main file do, for the
  /// check \p Check whose model \p Callees has.
  void addClass(const CXXRecordDecl &RD, ClassBodies &Bodies,
                CalleeSummaries &Callees, llvm::StringRef Check);
  /// Records what the free functions of \p Functions defined in the main
  /// file do to their arguments (wrappers, factories, release helpers), for
  /// the check \p Check whose model \p Callees has.
  void addFreeFunctions(llvm::ArrayRef<const FunctionDecl *> Functions,
                        CalleeSummaries &Callees, llvm::StringRef Check);
  /// Notes \p RD as a class whose copies are recorded when the translation
  /// unit copies it.
  void addCopyCandidate(const CXXRecordDecl &RD);
  /// Writes the facts into directory \p Dir (created when missing), as
  /// `<main file name>-<hash of its path>.raii-facts.json`; false with
  /// \p Error saying why.
  bool write(llvm::StringRef Dir, std::string &Error);

private:
  void addCopies();
  void noteFile(const std::string &Path);

  ASTContext &Ctx;
  FactsFile File;
  llvm::SmallVector<const CXXRecordDecl *, 4> CopyCandidates;
};

} // namespace clang::tidy::raii

#endif // RAII_TIDY_FACTSCOLLECTOR_H
