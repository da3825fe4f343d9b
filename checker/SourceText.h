//===--- SourceText.h - raii-tidy -------------------------------*- C++ -*-===//
//
// Small helpers over the source text that fix-it builders share: the
// indentation and line ending of a line, whether a token starts its line,
// and finding tokens after a declaration.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_SOURCETEXT_H
#define RAII_TIDY_SOURCETEXT_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TokenKinds.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::raii::text {

/// The whitespace that begins the line of \p Loc.
llvm::StringRef lineIndent(SourceLocation Loc, const SourceManager &SM);

/// True if only whitespace precedes \p Loc on its line.
bool startsLine(SourceLocation Loc, const SourceManager &SM);

/// The first character of the line of \p Loc.
SourceLocation lineStart(SourceLocation Loc, const SourceManager &SM);

/// The end of the line of \p Loc (the position of its '\r' or '\n').
SourceLocation lineEnd(SourceLocation Loc, const SourceManager &SM);

/// "\r\n" if the line of \p Loc ends so, else "\n".
llvm::StringRef lineEnding(SourceLocation Loc, const SourceManager &SM);

/// True if only whitespace and a line comment follow \p Loc on its line.
bool endsLine(SourceLocation Loc, const SourceManager &SM);

/// The character just before \p Loc, or 0.
char charBefore(SourceLocation Loc, const SourceManager &SM);

/// The location of the first token of kind \p Kind at or after \p Start,
/// looking at most \p MaxTokens tokens ahead. Invalid if not found.
SourceLocation findToken(SourceLocation Start, tok::TokenKind Kind,
                         const SourceManager &SM, const LangOptions &LangOpts,
                         unsigned MaxTokens = 64);

/// The location just past the token at \p Loc.
SourceLocation afterToken(SourceLocation Loc, const SourceManager &SM,
                          const LangOptions &LangOpts);

/// True if every location is a valid file location outside macros.
bool allInFile(std::initializer_list<SourceLocation> Locs);

/// Whether a NOLINT comment may suppress a diagnostic: a `NOLINT` on its
/// line, a `NOLINTNEXTLINE` on the line before, or the opening of a NOLINT
/// block anywhere before it in its file. (Conservative: the check names are
/// not read.) Remembers, per file, where the first block opens.
class SuppressionScan {
public:
  bool maySuppress(SourceLocation Loc, const SourceManager &SM);

private:
  llvm::DenseMap<FileID, size_t> FirstBlock;
};

} // namespace clang::tidy::raii::text

#endif // RAII_TIDY_SOURCETEXT_H
