//===--- DelayedTemplates.cpp - raii-tidy ---------------------------------===//

#include "DelayedTemplates.h"
#include "AstQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Parse/Parser.h"
#include "clang/Sema/ExternalSemaSource.h"
#include "clang/Sema/Scope.h"
#include "clang/Sema/Sema.h"
#include "llvm/ADT/SmallString.h"
#include <vector>

namespace clang::tidy::raii {

namespace {

/// Takes the diagnostics of the late parse: they belong to code the compiler
/// itself never parses, so they are neither shown nor counted as the
/// translation unit's; the first error of each body is kept for the note.
class LateParseDiagnostics : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !FirstError.empty())
      return;
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    FirstError = Text.str().str();
  }
  std::string FirstError;
};

/// Routes \p Diags to \p Into while alive, and leaves the engine's error
/// state as it found it.
class DiagnosticsDiverted {
public:
  DiagnosticsDiverted(DiagnosticsEngine &Diags, DiagnosticConsumer &Into)
      : Diags(Diags), HadErrors(Diags.hasErrorOccurred()),
        Client(Diags.getClient()),
        OwnedClient(Diags.ownsClient() ? Diags.takeClient() : nullptr) {
    Diags.setClient(&Into, /*ShouldOwnClient=*/false);
  }
  ~DiagnosticsDiverted() {
    if (OwnedClient)
      Diags.setClient(OwnedClient.release(), /*ShouldOwnClient=*/true);
    else
      Diags.setClient(Client, /*ShouldOwnClient=*/false);
    // The errors of a late parse are not the translation unit's: without
    // this, every fix-it of the file would be withheld (FixPlanner's
    // precondition 1). Only the counts are reset, not the mappings.
    if (!HadErrors && Diags.hasErrorOccurred())
      Diags.Reset(/*soft=*/true);
  }
  DiagnosticsDiverted(const DiagnosticsDiverted &) = delete;
  DiagnosticsDiverted &operator=(const DiagnosticsDiverted &) = delete;

private:
  DiagnosticsEngine &Diags;
  bool HadErrors;
  DiagnosticConsumer *Client;
  std::unique_ptr<DiagnosticConsumer> OwnedClient;
};

/// The Sema whose parser can still parse delayed bodies, if any: the parser
/// is the preprocessor's code-completion handler while it lives, and
/// registers its late-parsing callback with Sema at the end of the
/// translation unit.
Sema *lateParsingSema(Preprocessor &PP) {
  CodeCompletionHandler *Handler = PP.getCodeCompletionHandler();
  if (!Handler)
    return nullptr;
  Sema &S = static_cast<Parser *>(Handler)->getActions();
  if (!S.LateTemplateParser ||
      S.OpaqueParser != static_cast<void *>(static_cast<Parser *>(Handler)))
    return nullptr;
  return &S;
}

/// True while \p FD's delayed body is unparsed. (The parser leaves the flag
/// on a function-try-block it has parsed.)
bool unparsed(const FunctionDecl &FD) {
  return FD.isLateTemplateParsed() && !FD.getBody();
}

} // namespace

void DelayedTemplates::parse(Preprocessor &PP) {
  Failed.clear();
  if (!PP.getLangOpts().DelayedTemplateParsing)
    return;
  Sema *S = lateParsingSema(PP);
  if (!S)
    return;
  // Templates of a precompiled header: their delayed tokens are in it, read
  // on demand (an instantiation asks for them the same way).
  if (ExternalSemaSource *External = S->getExternalSource())
    External->ReadLateParsedTemplates(S->LateParsedTemplateMap);
  // Collected first: parsing a body may add entries to the map.
  std::vector<const FunctionDecl *> Pending;
  for (const auto &Entry : S->LateParsedTemplateMap)
    if (unparsed(*Entry.first) && !inSystemHeader(*Entry.first))
      Pending.push_back(Entry.first);
  if (Pending.empty())
    return;

  LateParseDiagnostics Diagnostics;
  DiagnosticsDiverted Diverted(S->getDiagnostics(), Diagnostics);
  // Sema forgets its translation-unit scope at the end of the translation
  // unit; the parser's scope chain still ends in it.
  Scope *SavedTUScope = S->TUScope;
  if (!SavedTUScope)
    for (Scope *Sc = S->getCurScope(); Sc; Sc = Sc->getParent())
      S->TUScope = Sc;
  for (const FunctionDecl *FD : Pending) {
    auto *It = S->LateParsedTemplateMap.find(FD);
    if (It == S->LateParsedTemplateMap.end() || !unparsed(*FD))
      continue;
    unsigned ErrorsBefore = Diagnostics.getNumErrors();
    Diagnostics.FirstError.clear();
    S->LateTemplateParser(S->OpaqueParser, *It->second);
    if (Diagnostics.getNumErrors() != ErrorsBefore)
      Failed[FD] = Diagnostics.FirstError;
  }
  S->TUScope = SavedTUScope;
}

std::optional<DelayedTemplates::Unjudged>
DelayedTemplates::whyUnjudged(const CXXRecordDecl &RD) const {
  if (!RD.isDependentContext())
    return std::nullopt;
  for (const Decl *D : RD.decls()) {
    const auto *FD = llvm::dyn_cast<FunctionDecl>(D);
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      FD = FTD->getTemplatedDecl();
    if (!FD)
      continue;
    if (unparsed(*FD))
      return Unjudged{FD, ""};
    if (auto It = Failed.find(FD); It != Failed.end())
      return Unjudged{FD, It->second};
  }
  // Out-of-line definitions are not among the class's declarations.
  for (const CXXMethodDecl *MD : RD.methods())
    for (const FunctionDecl *Redecl : MD->redecls()) {
      if (unparsed(*Redecl))
        return Unjudged{Redecl, ""};
      if (auto It = Failed.find(Redecl); It != Failed.end())
        return Unjudged{Redecl, It->second};
    }
  return std::nullopt;
}

} // namespace clang::tidy::raii
