//===--- SourceText.cpp - raii-tidy ---------------------------------------===//

#include "SourceText.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::raii::text {

namespace {

/// The buffer of \p Loc's file and \p Loc's offset in it.
std::pair<llvm::StringRef, unsigned> bufferAt(SourceLocation Loc,
                                              const SourceManager &SM) {
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Decomposed.first, &Invalid);
  if (Invalid || Decomposed.second > Buffer.size())
    return {llvm::StringRef(), 0};
  return {Buffer, Decomposed.second};
}

/// The directive that opens a NOLINT block, in two literals: clang-tidy reads
/// its directives in any text, string literals included, and run on this file
/// would take the whole word for a block that is never closed.
constexpr llvm::StringLiteral BlockStart = "NOLINT"
                                           "BEGIN";

unsigned lineStartOffset(llvm::StringRef Buffer, unsigned Offset) {
  size_t NL = Buffer.take_front(Offset).find_last_of("\r\n");
  return NL == llvm::StringRef::npos ? 0 : NL + 1;
}

} // namespace

llvm::StringRef lineIndent(SourceLocation Loc, const SourceManager &SM) {
  auto [Buffer, Offset] = bufferAt(Loc, SM);
  llvm::StringRef Line = Buffer.substr(lineStartOffset(Buffer, Offset));
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; });
}

bool startsLine(SourceLocation Loc, const SourceManager &SM) {
  auto [Buffer, Offset] = bufferAt(Loc, SM);
  unsigned Start = lineStartOffset(Buffer, Offset);
  return Buffer.slice(Start, Offset).trim(" \t").empty();
}

SourceLocation lineStart(SourceLocation Loc, const SourceManager &SM) {
  auto [Buffer, Offset] = bufferAt(Loc, SM);
  return Loc.getLocWithOffset(
      -static_cast<int>(Offset - lineStartOffset(Buffer, Offset)));
}

SourceLocation lineEnd(SourceLocation Loc, const SourceManager &SM) {
  auto [Buffer, Offset] = bufferAt(Loc, SM);
  size_t End = Buffer.find_first_of("\r\n", Offset);
  if (End == llvm::StringRef::npos)
    End = Buffer.size();
  return Loc.getLocWithOffset(static_cast<int>(End - Offset));
}

llvm::StringRef lineEnding(SourceLocation Loc, const SourceManager &SM) {
  auto [Buffer, Offset] = bufferAt(Loc, SM);
  size_t End = Buffer.find_first_of("\r\n", Offset);
  if (End != llvm::StringRef::npos && Buffer.substr(End).starts_with("\r\n"))
    return "\r\n";
  return "\n";
}

bool endsLine(SourceLocation Loc, const SourceManager &SM) {
  auto [Buffer, Offset] = bufferAt(Loc, SM);
  size_t End = Buffer.find_first_of("\r\n", Offset);
  llvm::StringRef Rest = Buffer.slice(Offset, End).trim(" \t");
  return Rest.empty() || Rest.starts_with("//");
}

char charBefore(SourceLocation Loc, const SourceManager &SM) {
  auto [Buffer, Offset] = bufferAt(Loc, SM);
  return Offset == 0 || Buffer.empty() ? 0 : Buffer[Offset - 1];
}

SourceLocation findToken(SourceLocation Start, tok::TokenKind Kind,
                         const SourceManager &SM, const LangOptions &LangOpts,
                         unsigned MaxTokens) {
  SourceLocation Loc = Start;
  for (unsigned I = 0; I != MaxTokens && Loc.isValid(); ++I) {
    Token Tok;
    if (Lexer::getRawToken(Loc, Tok, SM, LangOpts, /*IgnoreWhiteSpace=*/true))
      return {};
    // Raw lexing leaves keywords as raw identifiers.
    if (Tok.is(Kind) ||
        (Tok.is(tok::raw_identifier) && tok::getKeywordSpelling(Kind) &&
         Tok.getRawIdentifier() == tok::getKeywordSpelling(Kind)))
      return Tok.getLocation();
    if (Tok.is(tok::eof))
      return {};
    Loc = Tok.getEndLoc();
  }
  return {};
}

SourceLocation afterToken(SourceLocation Loc, const SourceManager &SM,
                          const LangOptions &LangOpts) {
  return Lexer::getLocForEndOfToken(Loc, 0, SM, LangOpts);
}

bool allInFile(std::initializer_list<SourceLocation> Locs) {
  for (SourceLocation Loc : Locs)
    if (Loc.isInvalid() || Loc.isMacroID())
      return false;
  return true;
}

bool SuppressionScan::maySuppress(SourceLocation Loc, const SourceManager &SM) {
  Loc = SM.getExpansionLoc(Loc);
  auto [Buffer, Offset] = bufferAt(Loc, SM);
  if (Buffer.empty())
    return false;
  unsigned Start = lineStartOffset(Buffer, Offset);
  size_t End = Buffer.find_first_of("\r\n", Offset);
  if (Buffer.slice(Start, End).contains("NOLINT"))
    return true;
  if (Start != 0) {
    unsigned PrevEnd = Start - 1;
    if (PrevEnd != 0 && Buffer[PrevEnd] == '\n' && Buffer[PrevEnd - 1] == '\r')
      --PrevEnd;
    unsigned PrevStart = lineStartOffset(Buffer, PrevEnd);
    if (Buffer.slice(PrevStart, PrevEnd).contains("NOLINTNEXTLINE"))
      return true;
  }
  FileID File = SM.getFileID(Loc);
  auto [It, New] = FirstBlock.try_emplace(File, 0);
  if (New)
    It->second = Buffer.find(BlockStart);
  return It->second < Offset;
}

} // namespace clang::tidy::raii::text
