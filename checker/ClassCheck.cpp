//===--- ClassCheck.cpp - raii-tidy ---------------------------------------===//

#include "ClassCheck.h"
#include "CheckOptions.h"
#include "Explain.h"
#include "FactsCollector.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Regex.h"
#include <mutex>
#include <vector>

using namespace clang::ast_matchers;

namespace clang::tidy::raii {

namespace {

/// Walks declaration contexts rather than the whole AST: classes live in
/// namespaces, classes and (local classes) functions, so statements and
/// expressions are never visited. System headers are skipped wholesale.
class ClassFinder {
public:
  ClassFinder(const SourceManager &SM,
              llvm::function_ref<void(const CXXRecordDecl &)> Visit,
              std::vector<const FunctionDecl *> *FreeFunctions = nullptr)
      : SM(SM), Visit(Visit), FreeFunctions(FreeFunctions) {}

  /// The declarations clang-tidy analyses: the whole translation unit, or in
  /// clangd only the main file's top-level declarations (its traversal
  /// scope), so that the preamble is never deserialized.
  void walkScope(const ASTContext &Ctx) {
    std::vector<Decl *> Scope = Ctx.getTraversalScope();
    if (Scope.size() == 1 && llvm::isa<TranslationUnitDecl>(Scope.front())) {
      walk(*Ctx.getTranslationUnitDecl());
      return;
    }
    for (const Decl *D : Scope)
      visit(D, /*AtNamespaceLevel=*/true);
    // A class declared in a header whose member functions the main file
    // defines (`Store::Store() {...}` in store.cpp) is judged here too: its
    // constructor is in the main file, so its findings are.
    llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
    for (const Decl *D : Scope) {
      const auto *MD = llvm::dyn_cast<CXXMethodDecl>(D);
      if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
        MD = llvm::dyn_cast<CXXMethodDecl>(FTD->getTemplatedDecl());
      if (!MD || !MD->isOutOfLine() || !MD->doesThisDeclarationHaveABody())
        continue;
      const CXXRecordDecl *RD = MD->getParent();
      if (!RD || !Seen.insert(RD).second || RD->isLambda() ||
          !RD->isThisDeclarationADefinition() ||
          isTemplateInstantiation(RD->getTemplateSpecializationKind()) ||
          SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation())) ||
          SM.isInMainFile(SM.getExpansionLoc(RD->getLocation())))
        continue;
      Visit(*RD);
    }
  }

  void walk(const DeclContext &DC) {
    // What a class or function declares is in the same file as it: only
    // namespace-level declarations are asked whether they come from a
    // system header.
    bool AtNamespaceLevel = llvm::isa<TranslationUnitDecl, NamespaceDecl,
                                      LinkageSpecDecl, ExportDecl>(DC);
    for (const Decl *D : DC.decls())
      visit(D, AtNamespaceLevel);
  }

private:
  void visit(const Decl *D, bool AtNamespaceLevel) {
    if (AtNamespaceLevel &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return;
    if (const auto *CTD = llvm::dyn_cast<ClassTemplateDecl>(D))
      D = CTD->getTemplatedDecl();
    else if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    if (const auto *RD = llvm::dyn_cast<CXXRecordDecl>(D)) {
      if (!RD->isThisDeclarationADefinition() ||
          isTemplateInstantiation(RD->getTemplateSpecializationKind()))
        return;
      // A lambda's class is not analysed, but classes declared in its body
      // are found through its call operator.
      if (!RD->isImplicit() && !RD->isLambda())
        Visit(*RD);
      walk(*RD);
    } else if (const auto *FD = llvm::dyn_cast<FunctionDecl>(D)) {
      if (FD->doesThisDeclarationHaveABody()) {
        if (FreeFunctions && AtNamespaceLevel &&
            !llvm::isa<CXXMethodDecl>(FD) && FD->getIdentifier())
          FreeFunctions->push_back(FD);
        walk(*FD);
      }
    } else if (llvm::isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
      walk(*llvm::cast<DeclContext>(D));
    }
  }

  const SourceManager &SM;
  llvm::function_ref<void(const CXXRecordDecl &)> Visit;
  std::vector<const FunctionDecl *> *FreeFunctions;
};

/// Calls \p Visit for every class definition written by the user in \p TU,
/// as the walk finds it (so that its declarations are still in the cache):
/// not implicit, not a lambda, not in a system header, and template patterns
/// rather than their instantiations, so that a template is judged once.
void forEachAnalysedClass(
    const TranslationUnitDecl &TU,
    llvm::function_ref<void(const CXXRecordDecl &)> Visit,
    std::vector<const FunctionDecl *> *FreeFunctions = nullptr) {
  const ASTContext &Ctx = TU.getASTContext();
  ClassFinder(Ctx.getSourceManager(), Visit, FreeFunctions).walkScope(Ctx);
}

/// The ClassChecks registered with each MatchFinder, and how many of them
/// have yet to see the translation unit of the pass under way.
struct Pass {
  std::vector<ClassCheck *> Checks;
  size_t Remaining = 0;
  /// How many of the checks have yet to start the translation unit, and
  /// its delayed bodies, parsed by the first of them.
  size_t StartsRemaining = 0;
  std::shared_ptr<DelayedTemplates> Delayed;
};

std::mutex &passMutex() {
  static std::mutex M;
  return M;
}

llvm::DenseMap<const void *, Pass> &passes() {
  static llvm::DenseMap<const void *, Pass> Passes;
  return Passes;
}

} // namespace

ClassCheck::ClassCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      CollectFacts(Options.getLocalOrGlobal("CollectFacts", "")),
      ProjectFactsPath(Options.getLocalOrGlobal("ProjectFacts", "")),
      FinalReleaseBasesValue(Options.getLocalOrGlobal(
          "FinalReleaseBases", "CComObjectRootEx;CComObjectRoot")),
      TidyContext(Context) {
  SharedOptionsValid =
      parseClassNamesOption(*this, Name, "FinalReleaseBases",
                            FinalReleaseBasesValue, FinalReleaseBases);
}

void ClassCheck::storeSharedOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CollectFacts", CollectFacts);
  Options.store(Opts, "ProjectFacts", ProjectFactsPath);
  Options.store(Opts, "FinalReleaseBases", FinalReleaseBasesValue);
}

void ClassCheck::matchClasses(ast_matchers::MatchFinder *F) {
  F->addMatcher(translationUnitDecl().bind("tu"), this);
  Finder = F;
  std::lock_guard<std::mutex> Lock(passMutex());
  passes()[Finder].Checks.push_back(this);
}

ClassCheck::~ClassCheck() {
  if (!Finder)
    return;
  std::lock_guard<std::mutex> Lock(passMutex());
  auto It = passes().find(Finder);
  if (It == passes().end())
    return;
  llvm::erase_if(It->second.Checks, [&](ClassCheck *C) { return C == this; });
  if (It->second.Checks.empty())
    passes().erase(It);
}

void ClassCheck::check(const ast_matchers::MatchFinder::MatchResult &Result) {
  std::vector<ClassCheck *> Checks;
  {
    std::lock_guard<std::mutex> Lock(passMutex());
    Pass &P = passes()[Finder];
    if (P.Remaining != 0) {
      --P.Remaining; // Another check of this translation unit ran the pass.
      return;
    }
    Checks = P.Checks;
    if (Checks.empty())
      Checks.push_back(this);
    llvm::stable_sort(Checks, [](const ClassCheck *L, const ClassCheck *R) {
      return !L->judgesAfterFixes() && R->judgesAfterFixes();
    });
    P.Remaining = Checks.size() - 1;
  }
  const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("tu");
  for (ClassCheck *C : Checks)
    if (C->Model)
      C->Model->findDeclaredMisfits(*Result.Context);
  if (llvm::any_of(Checks, [](const ClassCheck *C) {
        return !C->CollectFacts.empty();
      })) {
    collect(Checks, *TU, *Result.Context);
    return;
  }
  for (ClassCheck *C : Checks)
    C->useProjectFacts();
  TranslationUnitIndex Index([TU](TranslationUnitIndex::ClassVisitor Visit) {
    forEachAnalysedClass(*TU, Visit);
  });
  std::vector<const FunctionDecl *> FreeFunctions;
  std::vector<std::pair<const CXXRecordDecl *, DelayedTemplates::Unjudged>>
      Unjudged;
  forEachAnalysedClass(
      *TU,
      [&](const CXXRecordDecl &RD) {
        if (Delayed)
          if (std::optional<DelayedTemplates::Unjudged> Why =
                  Delayed->whyUnjudged(RD)) {
            if (reportsIn(RD, *Result.Context))
              Unjudged.emplace_back(&RD, std::move(*Why));
            return;
          }
        ClassBodies Bodies(RD, Index);
        ClassRecord Record;
        for (ClassCheck *C : Checks)
          C->checkClass(RD, *Result.Context, Bodies, Record);
        if (ExplainRequest *Request = activeExplainRequest();
            Request && Request->matches(RD))
          explain(*Request, RD, *Result.Context, Bodies, Record, Checks);
      },
      &FreeFunctions);
  reportUnjudged(Unjudged, *Result.Context);
  for (ClassCheck *C : Checks) {
    C->checkFreeFunctions(FreeFunctions, *Result.Context);
    C->reportArgumentMisfits(*Result.SourceManager);
    C->reportStaleFacts();
  }
}

void ClassCheck::collect(llvm::ArrayRef<ClassCheck *> Checks,
                         const TranslationUnitDecl &TU, ASTContext &Ctx) {
  FactsCollector Collector(Ctx);
  for (ClassCheck *C : Checks)
    if (C->Model)
      Collector.addCheck(C->getID(), *C->Model);
  TranslationUnitIndex Index([&TU](TranslationUnitIndex::ClassVisitor Visit) {
    forEachAnalysedClass(TU, Visit);
  });
  std::vector<const FunctionDecl *> FreeFunctions;
  forEachAnalysedClass(
      TU,
      [&](const CXXRecordDecl &RD) {
        if (RD.isInvalidDecl() || (Delayed && Delayed->whyUnjudged(RD)))
          return;
        ClassBodies Bodies(RD, Index);
        for (ClassCheck *C : Checks)
          if (C->Model)
            Collector.addClass(RD, Bodies, C->callees(), C->getID());
        Collector.addCopyCandidate(RD);
      },
      &FreeFunctions);
  for (ClassCheck *C : Checks)
    if (C->Model)
      Collector.addFreeFunctions(FreeFunctions, C->callees(), C->getID());
  const ClassCheck *Named = *llvm::find_if(
      Checks, [](const ClassCheck *C) { return !C->CollectFacts.empty(); });
  std::string Error;
  if (!Collector.write(Named->CollectFacts, Error))
    Named->configurationDiag("cannot write the facts of the translation unit "
                             "(option '%0.CollectFacts'): %1",
                             DiagnosticIDs::Error)
        << Named->getID() << Error;
}

void ClassCheck::useProjectFacts() {
  Project.reset();
  if (!Model)
    return;
  callees().setProject(nullptr, nullptr);
  if (ProjectFactsPath.empty())
    return;
  std::string Error;
  std::shared_ptr<const ProjectFacts> Facts =
      ProjectFacts::load(ProjectFactsPath, Error);
  if (!Facts) {
    configurationDiag("cannot use the project facts '%0' (option "
                      "'%1.ProjectFacts'): %2; each class is judged with this "
                      "translation unit alone",
                      DiagnosticIDs::Error)
        << ProjectFactsPath << getID() << Error;
    return;
  }
  Project.emplace(std::move(Facts), getID().str(), modelFingerprint(*Model));
  if (Project->otherOptions()) {
    configurationDiag("the project facts '%0' hold nothing collected with the "
                      "options '%1' has now; each class is judged with this "
                      "translation unit alone (collect the facts again)",
                      DiagnosticIDs::Warning)
        << ProjectFactsPath << getID();
    Project.reset();
    return;
  }
  callees().setProject(&*Project, &*Project);
}

void ClassCheck::reportStaleFacts() {
  if (!Project)
    return;
  for (const std::string &File : Project->takeStale())
    configurationDiag("the project facts of '%0' are out of date: it changed "
                      "after they were collected, so what its functions do is "
                      "judged unknown (collect the facts again)",
                      DiagnosticIDs::Warning)
        << File;
}

void ClassCheck::explain(ExplainRequest &Request, const CXXRecordDecl &RD,
                         ASTContext &Ctx, ClassBodies &Bodies,
                         const ClassRecord &Record,
                         llvm::ArrayRef<ClassCheck *> Checks) {
  ExplainedClass &E = explainClassShape(Request, RD, Bodies, Ctx);
  for (ClassCheck *C : Checks) {
    if (!C->Model)
      continue;
    ClassAnalysis A(RD, C->callees(), Bodies);
    E.Checks.push_back(
        explainAnalysis(A, C->getID(), C->lifecyclePairs(),
                        C->judgesAfterFixes() ? &Record : nullptr, Ctx));
  }
}

void ClassCheck::reportArgumentMisfits(const SourceManager &SM) const {
  if (!Model)
    return;
  for (const ResourceModel::ArgumentMisfit &M : Model->takeArgumentMisfits()) {
    OptionEntry Where = optionEntryOf(M);
    if (Where.Option.empty())
      continue;
    configurationDiag("invalid entry '%0' in option '%1.%2': '%3' (declared at "
                      "%4) has %5 %plural{1:parameter|:parameters}5, so it "
                      "has no argument %6 (arguments count from 0); the "
                      "entry matches nothing",
                      DiagnosticIDs::Error)
        << Where.Entry << getID() << Where.Option
        << M.Decl->getQualifiedNameAsString()
        << SM.getExpansionLoc(M.Decl->getLocation()).printToString(SM)
        << M.Decl->getNumParams() << M.Spec->ArgIndex;
  }
}

void ClassCheck::registerPPCallbacks(const SourceManager &,
                                     Preprocessor *TUPreprocessor,
                                     Preprocessor *) {
  PP = TUPreprocessor;
}

void ClassCheck::onStartOfTranslationUnit() {
  if (Finder) {
    std::lock_guard<std::mutex> Lock(passMutex());
    Pass &P = passes()[Finder];
    if (P.StartsRemaining == 0) {
      P.Delayed = std::make_shared<DelayedTemplates>();
      if (PP)
        P.Delayed->parse(*PP);
      P.StartsRemaining = std::max<size_t>(P.Checks.size(), 1) - 1;
    } else {
      --P.StartsRemaining;
    }
    Delayed = P.Delayed;
  }
  if (!SharedOptionsValid)
    Model.reset();
  if (Model)
    Model->forgetTranslationUnit();
  if (Callees)
    Callees->forgetTranslationUnit();
}

CalleeSummaries &ClassCheck::callees() {
  if (!Callees) {
    Model->FinalReleaseBases = FinalReleaseBases;
    Callees.emplace(*Model);
  }
  return *Callees;
}

void ClassCheck::judgeLeaks(const CXXRecordDecl &RD, ASTContext &Ctx,
                            ClassBodies &Bodies, ClassRecord &Record,
                            const LeakPolicy &Policy) {
  if (!Model || RD.isInvalidDecl())
    return;
  bool FromConstructors = Bodies.constructorsMayAcquire(callees()) ||
                          (Project && Project->mayAcquire(RD));
  bool Lifecycle = declaresOpeningMethod(RD, Policy.Pairs);
  if (!FromConstructors && !Lifecycle)
    return;
  ClassAnalysis Analysis(RD, callees(), Bodies);
  if (!Analysis.mayHoldResources())
    return;
  if (FromConstructors) {
    llvm::append_range(Record.PlannedReleases,
                       reportLeaks(*this, Analysis, Ctx, Policy.Wording));
    if (Policy.Mismatches)
      reportMismatchedReleases(*this, Analysis, Ctx);
  }
  if (Lifecycle)
    reportLifecycleLeaks(*this, Analysis, Ctx, Policy.Pairs, Policy.Wording);
}

void ClassCheck::judgeGlobalLeaks(
    llvm::ArrayRef<const FunctionDecl *> Functions, ASTContext &Ctx,
    const LeakPolicy &Policy) {
  if (Model)
    reportGlobalLeaks(*this, callees(), Functions, Policy.Pairs, Ctx,
                      Policy.Wording);
}

bool ClassCheck::reportsIn(const CXXRecordDecl &RD,
                           const ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(RD.getLocation());
  // clangd judges only what the open file defines.
  std::vector<Decl *> Scope = Ctx.getTraversalScope();
  if (SM.isInMainFile(Loc) ||
      !(Scope.size() == 1 && llvm::isa<TranslationUnitDecl>(Scope.front())))
    return true;
  const ClangTidyOptions &Opts = TidyContext->getOptions();
  StringRef File = SM.getFilename(Loc);
  if (!Opts.HeaderFilterRegex || Opts.HeaderFilterRegex->empty() ||
      !llvm::Regex(*Opts.HeaderFilterRegex).match(File))
    return false;
  return !Opts.ExcludeHeaderFilterRegex ||
         Opts.ExcludeHeaderFilterRegex->empty() ||
         !llvm::Regex(*Opts.ExcludeHeaderFilterRegex).match(File);
}

void ClassCheck::reportUnjudged(
    llvm::ArrayRef<std::pair<const CXXRecordDecl *, DelayedTemplates::Unjudged>>
        Unjudged,
    const ASTContext &Ctx) {
  if (Unjudged.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  bool Unparsed = llvm::any_of(
      Unjudged, [](const auto &U) { return U.second.Error.empty(); });
  diag(SM.getLocForStartOfFile(SM.getMainFileID()),
       "%0 class %plural{1:template|:templates}0 in this translation unit "
       "%plural{1:is|:are}0 not judged: %select{-fdelayed-template-parsing "
       "left %plural{1:its|:their}0 member functions unparsed; add "
       "-fno-delayed-template-parsing to the compile command|"
       "%plural{1:its|:their}0 member functions do not compile with two-phase "
       "name lookup; make them compile with -fno-delayed-template-parsing}1 "
       "to judge %plural{1:it|:them}0")
      << static_cast<unsigned>(Unjudged.size()) << (Unparsed ? 0 : 1);
  for (const auto &[RD, Why] : Unjudged) {
    if (Why.Error.empty())
      diag(Why.Member->getLocation(),
           "%0 is not judged: the body of %1 is "
           "not parsed",
           DiagnosticIDs::Note)
          << RD << Why.Member;
    else
      diag(Why.Member->getLocation(),
           "%0 is not judged: %1 does not compile without delayed template "
           "parsing: %2",
           DiagnosticIDs::Note)
          << RD << Why.Member << Why.Error;
  }
}

} // namespace clang::tidy::raii
