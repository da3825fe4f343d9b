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

} // namespace clang::tidy::raii::text
