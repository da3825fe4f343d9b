//===--- FixWriter.cpp - raii-tidy ----------------------------------------===//

#include "FixWriter.h"
#include "AstQueries.h"
#include "ProjectFacts.h"
#include "SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::raii {

namespace {

/// The declaration named \p Parts (a qualified name) in the global scope.
const NamedDecl *lookupQualified(ASTContext &Ctx,
                                 llvm::ArrayRef<llvm::StringRef> Parts) {
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  for (size_t I = 0; I != Parts.size(); ++I) {
    DeclarationName Name(&Ctx.Idents.get(Parts[I]));
    const NamedDecl *Next = nullptr;
    for (const NamedDecl *ND : DC->lookup(Name)) {
      bool Last = I + 1 == Parts.size();
      if (Last ? llvm::isa<FunctionDecl>(ND) : llvm::isa<DeclContext>(ND)) {
        Next = ND;
        break;
      }
    }
    if (!Next)
      return nullptr;
    if (I + 1 == Parts.size())
      return Next;
    DC = llvm::cast<DeclContext>(Next);
  }
  return nullptr;
}

} // namespace

std::optional<ReleaseCall> findRelease(const ResourceFamily &Family,
                                       ASTContext &Ctx) {
  switch (Family.ReleasedBy) {
  case ReleaseForm::Delete:
  case ReleaseForm::DeleteArray:
    return ReleaseCall{};
  case ReleaseForm::Method:
    if (Family.Release.empty())
      return std::nullopt;
    return ReleaseCall{nullptr,
                       Family.Release.specs().front().unqualified().str()};
  case ReleaseForm::Call:
    break;
  }
  unsigned Arity = Family.releaseArguments().size();
  for (const FunctionSpec &Spec : Family.Release.specs()) {
    if (Spec.ArgIndex != Family.releaseResourceIndex())
      continue;
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(Spec.Name).split(Parts, "::");
    const auto *FD =
        llvm::dyn_cast_or_null<FunctionDecl>(lookupQualified(Ctx, Parts));
    if (!FD || FD->isDeleted() || FD->getMinRequiredArguments() > Arity ||
        (FD->getNumParams() < Arity && !FD->isVariadic()))
      continue;
    return ReleaseCall{FD, Spec.Name};
  }
  return std::nullopt;
}

bool isAcquireArgument(llvm::StringRef Part, unsigned &Index) {
  return Part.consume_front("$") && !Part.getAsInteger(10, Index);
}

std::string releaseExpression(const ResourceFamily &Family, bool Pointee,
                              llvm::StringRef Holder, llvm::StringRef Spelling,
                              llvm::ArrayRef<std::string> AcquireArgs) {
  switch (Family.ReleasedBy) {
  case ReleaseForm::Delete:
    return ("delete " + Holder).str();
  case ReleaseForm::DeleteArray:
    return ("delete[] " + Holder).str();
  case ReleaseForm::Method:
    return (Holder + (Pointee ? "->" : ".") + Spelling + "()").str();
  case ReleaseForm::Call:
    break;
  }
  std::string Text = (Spelling + "(").str();
  llvm::SmallVector<llvm::StringRef, 4> Parts = Family.releaseArguments();
  for (unsigned I = 0; I != Parts.size(); ++I) {
    if (I)
      Text += ", ";
    unsigned N;
    if (Parts[I] == "_" || Parts[I] == "&_")
      Text += ((Parts[I] == "&_" && !Pointee ? "&" : "") + Holder).str();
    else if (isAcquireArgument(Parts[I], N) && N < AcquireArgs.size())
      Text += AcquireArgs[N];
    else
      Text += Parts[I];
  }
  return Text + ")";
}

std::string guardedRelease(const ResourceFamily &Family, llvm::StringRef Holder,
                           llvm::StringRef Release) {
  std::string S = (Release + ";").str();
  if (!Family.ReleaseNeedsNonNull)
    return S;
  if (Family.InvalidValue.empty())
    return ("if (" + Holder + ") ").str() + S;
  return ("if (" + Holder + " != " + Family.InvalidValue + ") ").str() + S;
}

std::optional<std::string>
releaseStatement(const TrackedMember &M, const ResourceKey &Key,
                 QualType CastType, const ReleaseCall &Release,
                 llvm::ArrayRef<std::string> AcquireArgs,
                 const LangOptions &LangOpts, std::string &Why) {
  const ResourceFamily &Family = *Key.Family;
  // The release function's resource parameter, when the member is an
  // integer holding a handle (`uintptr_t m_thread = _beginthreadex(..)`).
  QualType Param;
  if (const FunctionDecl *FD = Release.Function;
      FD && Family.ReleasedBy == ReleaseForm::Call && !Key.Pointee &&
      Family.releaseResourceIndex() < FD->getNumParams())
    Param = FD->getParamDecl(Family.releaseResourceIndex())->getType();
  auto Statement = [&](const std::string &Holder, QualType Held) {
    std::string Arg = Holder;
    if (!Param.isNull() && !Held.isNull() && Param->isPointerType() &&
        Held->isIntegerType() &&
        Family.releaseArguments()[Family.releaseResourceIndex()] == "_") {
      std::string Type = Param.getAsString(PrintingPolicy(LangOpts));
      Arg = LangOpts.CPlusPlus
                ? "reinterpret_cast<" + Type + ">(" + Holder + ")"
                : "(" + Type + ")" + Holder;
    }
    return guardedRelease(Family, Holder,
                          releaseExpression(Family, Key.Pointee, Arg,
                                            Release.Spelling, AcquireArgs));
  };
  std::string Name = M.spelling();
  // `void *m_cs` holding a critical section: the release gets the type the
  // acquisition's cast gave it.
  if (Key.Pointee && M.ArrayRank == 0 && !CastType.isNull()) {
    std::string Type = CastType.getAsString(PrintingPolicy(LangOpts));
    return Statement(LangOpts.CPlusPlus
                         ? "static_cast<" + Type + ">(" + Name + ")"
                         : "(" + Type + ")" + Name,
                     QualType());
  }
  if (!Param.isNull() && !M.Element.isNull() && Param->isIntegerType() &&
      M.Element->isPointerType() &&
      Family.releaseArguments()[Family.releaseResourceIndex()] == "_") {
    Why = "'" + Release.Spelling + "' takes an integer, not the pointer '" +
          Name + "' holds";
    return std::nullopt;
  }
  if (M.ArrayRank == 0)
    return Statement(Name, M.Element);
  if (M.ArrayRank != 1) {
    Why = "multi-dimensional arrays are not rewritten";
    return std::nullopt;
  }
  if (LangOpts.CPlusPlus11)
    return "for (auto &Element : " + Name + ") " +
           Statement("Element", M.Element);
  return "for (unsigned I = 0; I < sizeof(" + Name + ") / sizeof(" + Name +
         "[0]); ++I) " + Statement(Name + "[I]", M.Element);
}

ReleaseWriter::ReleaseWriter(ClassAnalysis &Analysis, ASTContext &Ctx)
    : A(Analysis), Ctx(Ctx), SM(Ctx.getSourceManager()),
      Dtor(Analysis.destructor()) {}

ReleaseWriter::ReleaseWriter(ClassAnalysis &Analysis, ASTContext &Ctx,
                             const FunctionDecl &Closing)
    : A(Analysis), Ctx(Ctx), SM(Ctx.getSourceManager()),
      Dtor{DestructorKind::Defined, nullptr, &Closing},
      Target("'" + Closing.getNameAsString() + "'") {}

std::string indentUnit(const CXXRecordDecl &RD, const SourceManager &SM) {
  llvm::StringRef ClassIndent = text::lineIndent(RD.getBeginLoc(), SM);
  for (const Decl *D : RD.decls()) {
    if (D->isImplicit() || llvm::isa<AccessSpecDecl>(D) ||
        D->getLocation().isMacroID() || !text::startsLine(D->getBeginLoc(), SM))
      continue;
    llvm::StringRef Indent = text::lineIndent(D->getBeginLoc(), SM);
    if (Indent.size() > ClassIndent.size() && Indent.starts_with(ClassIndent))
      return Indent.drop_front(ClassIndent.size()).str();
    break;
  }
  return "  ";
}

std::vector<FixItHint>
ReleaseWriter::write(llvm::ArrayRef<ReleaseStatement> Statements,
                     std::string &WhyNot) {
  std::vector<FixItHint> Fixes;
  switch (Dtor.Kind) {
  case DestructorKind::Defined:
    Fixes = appendToBody(Statements, WhyNot);
    break;
  case DestructorKind::Defaulted:
    Fixes = replaceDefault(Statements, WhyNot);
    break;
  case DestructorKind::Implicit:
    Fixes = declareNew(Statements, WhyNot);
    break;
  case DestructorKind::External:
    return appendToExternal(Statements, WhyNot);
  case DestructorKind::Unavailable:
  case DestructorKind::Deleted:
    WhyNot = "the destructor is not available"; // 3
    return {};
  }
  if (Fixes.empty())
    return Fixes;
  // Release functions must be declared before the code that calls them.
  for (const ReleaseStatement &RS : Statements) {
    if (!RS.Function)
      continue;
    if (llvm::none_of(RS.Function->redecls(), [&](const FunctionDecl *D) {
          return SM.isBeforeInTranslationUnit(D->getLocation(), InsertLoc);
        })) {
      // 6: the release function must be declared before the place.
      WhyNot = "'" + RS.Function->getNameAsString() +
               "' is not declared before " + Target;
      return {};
    }
  }
  return Fixes;
}

std::optional<AppendPoint> appendPoint(const FunctionDecl &Def,
                                       const CXXRecordDecl &RD,
                                       llvm::StringRef Target,
                                       std::string &WhyNot) {
  const SourceManager &SM = Def.getASTContext().getSourceManager();
  const auto *Body = llvm::dyn_cast_or_null<CompoundStmt>(Def.getBody());
  if (!Body) {
    WhyNot = Target.str() + " has a function-try-block"; // 8
    return std::nullopt;
  }
  SourceLocation LBrace = Body->getLBracLoc(), RBrace = Body->getRBracLoc();
  if (!text::allInFile({LBrace, RBrace})) {
    // 8.
    WhyNot =
        (llvm::isa<CXXDestructorDecl>(Def) ? std::string("the destructor body")
                                           : "the body of " + Target.str()) +
        " comes from a macro";
    return std::nullopt;
  }
  if (containsReturn(*Body)) {
    WhyNot = Target.str() + " can return early"; // 3, 8
    return std::nullopt;
  }
  AppendPoint P;
  P.EOL = text::lineEnding(RBrace, SM).str();
  if (text::startsLine(RBrace, SM) &&
      SM.getSpellingLineNumber(LBrace) != SM.getSpellingLineNumber(RBrace)) {
    if (!Body->body_empty() &&
        text::startsLine(Body->body_back()->getBeginLoc(), SM))
      P.Indent = text::lineIndent(Body->body_back()->getBeginLoc(), SM).str();
    else
      P.Indent = text::lineIndent(RBrace, SM).str() + indentUnit(RD, SM);
    P.Loc = text::lineStart(RBrace, SM);
  } else {
    char Prev = text::charBefore(RBrace, SM);
    P.SpaceBefore = Prev != ' ' && Prev != '\t';
    P.Loc = RBrace;
  }
  P.Brace = RBrace;
  return P;
}

std::string AppendPoint::text(llvm::ArrayRef<llvm::StringRef> Texts) const {
  std::string Insert;
  if (!Indent.empty()) {
    for (llvm::StringRef T : Texts)
      Insert += Indent + T.str() + EOL;
    return Insert;
  }
  if (SpaceBefore)
    Insert += " ";
  for (llvm::StringRef T : Texts)
    Insert += T.str() + " ";
  return Insert;
}

std::vector<FixItHint>
ReleaseWriter::appendToBody(llvm::ArrayRef<ReleaseStatement> Stmts,
                            std::string &WhyNot) {
  std::optional<AppendPoint> End =
      appendPoint(*Dtor.Def, A.record(), Target, WhyNot);
  if (!End)
    return {};
  const auto *Body = llvm::cast<CompoundStmt>(Dtor.Def->getBody());
  const Closure *DC = A.closureOf(Dtor.Def);

  // Each release goes before the first top-level statement that frees the
  // member's storage, or else at the end of the body.
  llvm::SmallVector<std::pair<const Stmt *, std::string>, 2> Placed;
  for (const ReleaseStatement &RS : Stmts) {
    const Stmt *Before = nullptr;
    for (const ReachedFact *R : DC->factsOf(RS.Key.Member)) {
      if (!RS.Key.Pointee || R->F->Kind != FactKind::Free)
        continue;
      if (R->In != Dtor.Def) {
        // 4: the release must run before the storage is freed.
        WhyNot = "its storage is freed in '" +
                 llvm::cast<NamedDecl>(R->In)->getNameAsString() + "'";
        return {};
      }
      if (R->Guarded) {
        // A release written before it would run where the free does not.
        WhyNot = "its storage is freed conditionally"; // 4
        return {};
      }
      for (const Stmt *Top : Body->body())
        if (Top->getSourceRange().fullyContains(R->F->Site->getSourceRange()) ||
            Top == R->F->Site) {
          if (!Before || SM.isBeforeInTranslationUnit(Top->getBeginLoc(),
                                                      Before->getBeginLoc()))
            Before = Top;
          break;
        }
    }
    Placed.push_back({Before, RS.Text});
  }

  std::vector<FixItHint> Fixes;
  llvm::StringRef EOL = End->EOL;
  // Statements going to the same place are written by one insertion.
  llvm::SmallVector<const Stmt *, 2> Done;
  for (const auto &[Before, Text] : Placed) {
    if (llvm::is_contained(Done, Before))
      continue;
    Done.push_back(Before);
    llvm::SmallVector<llvm::StringRef, 2> Texts;
    for (const auto &[B, T] : Placed)
      if (B == Before)
        Texts.push_back(T);
    if (Before) {
      SourceLocation Loc = Before->getBeginLoc();
      if (!text::allInFile({Loc})) {
        WhyNot = "the statement freeing it comes from a macro"; // 8
        return {};
      }
      std::string Insert;
      if (text::startsLine(Loc, SM)) {
        std::string Indent = text::lineIndent(Loc, SM).str();
        for (llvm::StringRef T : Texts)
          Insert += Indent + T.str() + EOL.str();
        Fixes.push_back(
            FixItHint::CreateInsertion(text::lineStart(Loc, SM), Insert));
      } else {
        for (llvm::StringRef T : Texts)
          Insert += T.str() + " ";
        Fixes.push_back(FixItHint::CreateInsertion(Loc, Insert));
      }
      InsertLoc = Loc;
      continue;
    }
    Fixes.push_back(FixItHint::CreateInsertion(End->Loc, End->text(Texts)));
    InsertLoc = End->Brace;
  }
  return Fixes;
}

std::vector<FixItHint>
ReleaseWriter::appendToExternal(llvm::ArrayRef<ReleaseStatement> Stmts,
                                std::string &WhyNot) {
  // 10: what the destructor in another translation unit does, and where
  // its end is, come from the project facts.
  const StoredFunction *SF = A.external(Dtor.Decl);
  std::string Where = SF ? describePlace(SF->Place, SM) : "";
  if (!SF || !SF->Append) {
    WhyNot = "the destructor, defined in " + Where +
             ", cannot take a statement at its end";
    return {};
  }
  const Closure *DC = A.closureOf(Dtor.Def);
  llvm::SmallVector<llvm::StringRef, 2> Texts;
  for (const ReleaseStatement &RS : Stmts) {
    for (const ReachedFact *R : DC->factsOf(RS.Key.Member))
      if (RS.Key.Pointee && R->F->Kind == FactKind::Free) {
        // 4: the release would have to go before the free, which is not
        // here to place it by.
        WhyNot = "its storage is freed in the destructor, defined in " + Where;
        return {};
      }
    if (RS.Function &&
        !llvm::is_contained(SF->Append->Declared, RS.Key.Family->Id)) {
      // 6: in the destructor's translation unit.
      WhyNot = "'" + RS.Function->getNameAsString() +
               "' is not declared before the destructor in " + Where;
      return {};
    }
    Texts.push_back(RS.Text);
  }
  SourceLocation Loc = locationOf(
      SF->Append->Place, A.record().getASTContext().getSourceManager());
  if (Loc.isInvalid()) {
    WhyNot = "the destructor's file " + Where + " cannot be read";
    return {};
  }
  AppendPoint P;
  P.Indent = SF->Append->Indent;
  P.SpaceBefore = SF->Append->SpaceBefore;
  P.EOL = SF->Append->EOL;
  return {FixItHint::CreateInsertion(Loc, P.text(Texts))};
}

std::vector<FixItHint>
ReleaseWriter::replaceDefault(llvm::ArrayRef<ReleaseStatement> Stmts,
                              std::string &WhyNot) {
  const LangOptions &LO = Ctx.getLangOpts();
  SourceLocation Name = Dtor.Def->getLocation();
  SourceLocation Equal = text::findToken(Name, tok::equal, SM, LO);
  SourceLocation Default =
      Equal.isValid() ? text::findToken(text::afterToken(Equal, SM, LO),
                                        tok::kw_default, SM, LO, 1)
                      : SourceLocation();
  SourceLocation Semi = Default.isValid()
                            ? text::findToken(text::afterToken(Default, SM, LO),
                                              tok::semi, SM, LO, 1)
                            : SourceLocation();
  if (!text::allInFile({Name, Equal, Default, Semi})) {
    WhyNot = "the defaulted destructor could not be rewritten"; // 8
    return {};
  }
  std::string Body = "{";
  for (const ReleaseStatement &RS : Stmts)
    Body += " " + RS.Text;
  Body += " }";
  InsertLoc = Equal;
  return {FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Equal, Semi), Body)};
}

MemberPlacement::MemberPlacement(const CXXRecordDecl &RD, ASTContext &Ctx)
    : SM(Ctx.getSourceManager()) {
  const LangOptions &LO = Ctx.getLangOpts();
  ClassIndent = text::lineIndent(RD.getBeginLoc(), SM).str();
  // After the last public constructor declared in the class.
  const FunctionDecl *Last = nullptr;
  for (const Decl *D : RD.decls()) {
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(D);
    if (Ctor && !Ctor->isImplicit() && Ctor->getAccess() == AS_public &&
        Ctor->getLexicalDeclContext() == &RD)
      Last = Ctor;
  }
  SourceLocation LastBegin;
  if (Last) {
    LastBegin = Last->getBeginLoc();
    SourceLocation End;
    if (Last->doesThisDeclarationHaveABody() && Last->getBody())
      End = text::afterToken(Last->getBody()->getEndLoc(), SM, LO);
    else if (SourceLocation Semi =
                 text::findToken(Last->getEndLoc(), tok::semi, SM, LO);
             Semi.isValid())
      End = text::afterToken(Semi, SM, LO);
    if (End.isValid() && !End.isMacroID()) {
      AfterMember = true;
      Loc = text::endsLine(End, SM) ? text::lineEnd(End, SM) : End;
    }
  }
  if (!AfterMember) {
    // Else at the end of the class, behind `public:` unless already public.
    AccessSpecifier Access = RD.isClass() ? AS_private : AS_public;
    for (const Decl *D : RD.decls())
      if (const auto *AS = llvm::dyn_cast<AccessSpecDecl>(D))
        Access = AS->getAccess();
    NeedsPublic = Access != AS_public;
    Loc = RD.getBraceRange().getEnd();
  }
  Valid = text::allInFile({Loc, RD.getBraceRange().getBegin()});
  if (!Valid)
    return;
  EOL = text::lineEnding(Loc, SM).str();
  // Line up with the first line of the constructor it follows (not with
  // the last, which may be its indented initializer list), or one step into
  // the class.
  if (!AfterMember)
    Indent = ClassIndent + indentUnit(RD, SM);
  else if (LastBegin.isValid() && !LastBegin.isMacroID())
    Indent = text::lineIndent(LastBegin, SM).str();
  else
    Indent = text::lineIndent(Loc, SM).str();
}

FixItHint MemberPlacement::insertion(llvm::StringRef Text) const {
  if (AfterMember)
    return FixItHint::CreateInsertion(Loc, EOL + Indent + Text.str());
  if (text::startsLine(Loc, SM)) {
    std::string Insert;
    if (NeedsPublic)
      Insert += ClassIndent + "public:" + EOL;
    Insert += Indent + Text.str() + EOL;
    return FixItHint::CreateInsertion(text::lineStart(Loc, SM), Insert);
  }
  return FixItHint::CreateInsertion(Loc, (NeedsPublic ? " public: " : " ") +
                                             Text.str() + " ");
}

std::vector<FixItHint>
ReleaseWriter::declareNew(llvm::ArrayRef<ReleaseStatement> Stmts,
                          std::string &WhyNot) {
  const CXXRecordDecl &RD = A.record();
  if (!RD.getIdentifier()) {
    WhyNot = "the class has no name"; // 7
    return {};
  }
  // A user-declared destructor suppresses the implicit move operations; a
  // class whose copies are deleted would then not move either.
  if (!RD.hasUserDeclaredMoveConstructor() &&
      !RD.hasUserDeclaredCopyConstructor() &&
      RD.defaultedCopyConstructorIsDeleted()) {
    // 9: declaring a destructor removes the implicit moves.
    WhyNot = "declaring a destructor would make '" + RD.getNameAsString() +
             "' neither copyable nor movable";
    return {};
  }
  MemberPlacement Place(RD, Ctx);
  if (!Place.valid()) {
    WhyNot = "the class body comes from a macro"; // 8
    return {};
  }
  std::string Unit = indentUnit(RD, SM);
  std::string EOL = Place.eol().str();
  std::string Dtor = "~" + RD.getNameAsString() + "() {";
  if (Stmts.size() == 1) {
    Dtor += " " + Stmts.front().Text + " }";
  } else {
    for (const ReleaseStatement &RS : Stmts)
      Dtor += EOL + Place.indent().str() + Unit + RS.Text;
    Dtor += EOL + Place.indent().str() + "}";
  }
  InsertLoc = Place.loc();
  return {Place.insertion(Dtor)};
}

} // namespace clang::tidy::raii
