//===--- DelayedTemplates.h - raii-tidy -------------------------*- C++ -*-===//
//
// Checks: the bodies -fdelayed-template-parsing leaves unparsed. Under that
// flag (clang-cl's default for MSVC targets before C++20) the member functions
// of a class template are kept as tokens until an instantiation needs them;
// a template the translation unit never instantiates has no bodies, so the
// checks would find nothing in it. Before the checks' pass the parser's
// own late-parsing callback parses the user's delayed bodies, as an
// instantiation would, with their diagnostics kept apart; a class template
// whose bodies cannot be parsed (no parser at hand) or do not compile under
// two-phase name lookup is not judged, and the check says so once per
// translation unit (docs/windows.md). clangd parses the open file without
// the delay, and skips the bodies of its preamble's functions anyway.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_DELAYEDTEMPLATES_H
#define RAII_TIDY_DELAYEDTEMPLATES_H

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>

namespace clang {
class Preprocessor;
} // namespace clang

namespace clang::tidy::raii {

/// The delayed bodies of one translation unit.
class DelayedTemplates {
public:
  /// Parses the delayed function bodies written outside system headers,
  /// when \p PP's parser is still at hand (after the parse, while the
  /// consumers run: clang-tidy). Their diagnostics go nowhere; a body with
  /// an error is remembered. Does nothing without delayed parsing.
  void parse(Preprocessor &PP);

  /// Why \p RD cannot be judged: a member function still unparsed, or
  /// parsed with errors (then \c Error is the first one).
  struct Unjudged {
    const FunctionDecl *Member;
    std::string Error;
  };
  std::optional<Unjudged> whyUnjudged(const CXXRecordDecl &RD) const;

  /// Forgets the translation unit.
  void clear() { Failed.clear(); }

private:
  /// The bodies parsed with errors, with the first error.
  llvm::DenseMap<const FunctionDecl *, std::string> Failed;
};

} // namespace clang::tidy::raii

#endif // RAII_TIDY_DELAYEDTEMPLATES_H
