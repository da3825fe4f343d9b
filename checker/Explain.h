//===--- Explain.h - raii-tidy ----------------------------------*- C++ -*-===//
//
// Reporting for people and tests rather than for diagnostics: the lifecycle
// table of a class as each check's analysis sees it (what acquires each
// member, what releases it, who owns it and why, the verdict, and what the
// fix planner would write or why not). raii-explain asks for it by class
// name; the checks' shared pass fills it in while it judges the class, with
// the same options and in the same order as a clang-tidy run.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_EXPLAIN_H
#define RAII_TIDY_EXPLAIN_H

#include "ClassAnalysis.h"
#include "FixPlanner.h"
#include "Lifecycle.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::raii {

/// A range of a file: where a class and its member functions are written.
struct FileExtent {
  std::string File;
  unsigned Begin = 0, End = 0; ///< Offsets, End included.
};

/// The table of one class for one check.
struct ExplainedCheck {
  std::string Check;
  /// One entry per tracked resource: its heading ("'m_cs' ...") and lines.
  struct Row {
    std::string Member; ///< The member as diagnostics quote it: "'m_cs'".
    std::vector<std::string> Lines;
  };
  std::vector<Row> Rows;
  std::vector<std::string> Notes; ///< About the class as a whole.
};

/// One class that the request names, as the pass saw it.
struct ExplainedClass {
  std::string Name;               ///< Qualified.
  std::string Location;           ///< "file.cpp:12:7".
  std::vector<std::string> Lines; ///< Constructors, destructor, copies.
  std::vector<FileExtent> Extents;
  std::vector<ExplainedCheck> Checks;
};

/// What raii-explain asks of the pass: the classes named ClassName.
struct ExplainRequest {
  std::string ClassName;
  std::vector<ExplainedClass> Classes;

  /// True if \p RD is named ClassName: its name, or its qualified name with
  /// or without a leading "::", or a qualified suffix of it ("ns::C").
  bool matches(const CXXRecordDecl &RD) const;
};

/// The request of the tool in this process, if any (raii-explain sets it
/// before running the checks; clang-tidy and clangd never do).
/// The table of the built-in families of raii-unreleased-member as the
/// documentation lists them (an RST list-table, one row per family, in
/// table order): id, resource, acquisition, release, the invalid value a
/// guard tests, and when a fix-it is written. `raii-explain
/// --list-families` prints it; a test keeps the docs equal to it.
void printFamilyTable(llvm::raw_ostream &OS);

ExplainRequest *&activeExplainRequest();

/// Describes \p RD's class (constructors, destructor, copy operations) into
/// a new entry of \p Request and returns it.
ExplainedClass &explainClassShape(ExplainRequest &Request,
                                  const CXXRecordDecl &RD, ClassBodies &Bodies,
                                  ASTContext &Ctx);

/// The table of \p A's class for the check \p Check, whose lifecycle pairs
/// are \p Pairs. A check that judges copies (\p CopyRecord: what the checks
/// before it plan) gets the owner's verdict instead of the leaks'.
ExplainedCheck explainAnalysis(ClassAnalysis &A, llvm::StringRef Check,
                               llvm::ArrayRef<LifecyclePair> Pairs,
                               const ClassRecord *CopyRecord, ASTContext &Ctx);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_EXPLAIN_H
