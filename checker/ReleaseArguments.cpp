//===--- ReleaseArguments.cpp - raii-tidy ---------------------------------===//

#include "ReleaseArguments.h"
#include "AstQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::raii {

namespace {

/// The text of \p E as written in a file, or "" when it cannot be read
/// (part of a macro's body).
std::string writtenText(const Expr &E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E.getSourceRange()), SM,
      Ctx.getLangOpts());
  if (Range.isInvalid())
    return "";
  return Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str();
}

/// True if \p E refers to no variable that lives in a function (a
/// parameter, a local): its value can be computed again anywhere.
bool refersToNoLocal(const Expr &E) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Local = false;
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (const auto *V = llvm::dyn_cast<VarDecl>(Ref->getDecl()))
        Local |= V->isLocalVarDeclOrParm();
      return !Local;
    }
    bool VisitCXXThisExpr(CXXThisExpr *) {
      Local = true;
      return false;
    }
  } F;
  F.TraverseStmt(const_cast<Expr *>(&E));
  return !F.Local;
}

/// Whether a field of the class keeps, until the destructor runs, the
/// value a constructor gave it before acquiring: only constructors write
/// it, and none after an acquisition (\p Sites) in its body.
class FieldWrites : public RecursiveASTVisitor<FieldWrites> {
public:
  FieldWrites(const FieldDecl &Field) : Field(Field) {}

  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true; // sizeof, alignof: not evaluated.
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (ME->getMemberDecl() == &Field)
      Refs.push_back(ME);
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *Cast) {
    if (Cast->getCastKind() == CK_LValueToRValue)
      if (const auto *ME =
              llvm::dyn_cast<MemberExpr>(Cast->getSubExpr()->IgnoreParens());
          ME && ME->getMemberDecl() == &Field)
        Reads.push_back(ME);
    return true;
  }
  /// The references of the last traversal that are not reads.
  llvm::SmallVector<const MemberExpr *, 2> writes() {
    llvm::SmallVector<const MemberExpr *, 2> W;
    for (const MemberExpr *ME : Refs)
      if (!llvm::is_contained(Reads, ME))
        W.push_back(ME);
    Refs.clear();
    Reads.clear();
    return W;
  }

private:
  const FieldDecl &Field;
  llvm::SmallVector<const MemberExpr *, 4> Refs, Reads;
};

bool keepsConstructorValue(const FieldDecl &Field, const CXXRecordDecl &RD,
                           llvm::ArrayRef<const Fact *> Acquires,
                           const SourceManager &SM) {
  if (Field.getType().isConstQualified())
    return true;
  // What code outside the class may write is not known.
  if (Field.getAccess() == AS_public || Field.isMutable())
    return false;
  FieldWrites Finder(Field);
  llvm::SmallVector<const CXXRecordDecl *, 2> Classes = {&RD};
  if (const auto *Owner = llvm::dyn_cast<CXXRecordDecl>(Field.getParent());
      Owner && Owner != &RD)
    Classes.push_back(Owner);
  for (const CXXRecordDecl *C : Classes)
    for (const CXXMethodDecl *M : C->methods()) {
      const FunctionDecl *Def = definitionWithBody(*M);
      if (!Def)
        continue;
      Finder.TraverseStmt(Def->getBody());
      llvm::SmallVector<const MemberExpr *, 2> Writes = Finder.writes();
      if (Writes.empty())
        continue;
      if (!llvm::isa<CXXConstructorDecl>(Def))
        return false;
      // A constructor may set it, but not after it acquires with it.
      SourceRange Body = Def->getBody()->getSourceRange();
      for (const MemberExpr *W : Writes)
        for (const Fact *F : Acquires) {
          if (!F->Site)
            return false; // In another translation unit.
          SourceLocation Site = F->Site->getBeginLoc();
          if (SM.isPointWithin(Site, Body.getBegin(), Body.getEnd()) &&
              SM.isBeforeInTranslationUnit(Site, W->getBeginLoc()))
            return false;
        }
    }
  return true;
}

/// How the destructor of \p RD can write the value \p E had when it was
/// passed to the acquisition, or "".
std::string valueInDestructor(const Expr &E, const CXXRecordDecl &RD,
                              llvm::ArrayRef<const Fact *> Acquires,
                              ASTContext &Ctx, const FieldDecl *&Member) {
  const Expr *S = E.IgnoreParenImpCasts();
  if (S->isValueDependent() || S->isTypeDependent() || S->containsErrors())
    return "";
  bool Repeatable = false;
  if ((S->isEvaluatable(Ctx) ||
       S->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull)) &&
      !S->HasSideEffects(Ctx) && refersToNoLocal(*S))
    Repeatable = true;
  else if (const auto *Call = llvm::dyn_cast<CallExpr>(S))
    Repeatable = Call->getNumArgs() == 0 && Call->getDirectCallee() &&
                 stableValueFunctions().match(*Call->getDirectCallee());
  else if (const auto *ME = llvm::dyn_cast<MemberExpr>(S))
    if (const auto *Field = llvm::dyn_cast<FieldDecl>(ME->getMemberDecl())) {
      Repeatable =
          isThis(ME->getBase()) &&
          keepsConstructorValue(*Field, RD, Acquires, Ctx.getSourceManager());
      Member = Field;
    }
  return Repeatable ? writtenText(E, Ctx) : "";
}

} // namespace

std::optional<std::vector<std::string>>
releaseArgumentsFrom(const ResourceFamily &Family,
                     llvm::ArrayRef<const Fact *> Acquires,
                     const CXXRecordDecl &RD, ASTContext &Ctx, std::string &Why,
                     llvm::SmallVectorImpl<const FieldDecl *> &Fields) {
  std::vector<std::string> Texts;
  llvm::SmallVector<unsigned, 2> Needs = Family.releaseNeedsAcquireArgs();
  if (Needs.empty())
    return Texts;
  std::string Release =
      "'" + Family.Release.specs().front().unqualified().str() + "'";
  for (unsigned N : Needs) {
    std::optional<std::string> Common;
    for (const Fact *F : Acquires) {
      const auto *Call = llvm::dyn_cast_or_null<CallExpr>(F->Site);
      // Through a function of the user's, the API's arguments are not the
      // call's.
      if (!Call || !F->Callee || !Family.Acquire.match(*F->Callee) ||
          N >= Call->getNumArgs()) {
        Why = Release + " needs an argument of the API call, which " +
              Family.acquireSpelling(F->Callee) + " makes";
        return std::nullopt;
      }
      const Expr &Arg = *Call->getArg(N);
      const FieldDecl *Member = nullptr;
      std::string Text = valueInDestructor(Arg, RD, Acquires, Ctx, Member);
      if (Member && !Text.empty())
        Fields.push_back(Member);
      if (Text.empty()) {
        std::string Written = writtenText(Arg, Ctx);
        Why = Release + " needs the value " +
              Family.acquireSpelling(F->Callee) + " was given" +
              (Written.empty() ? "" : " ('" + Written + "')") +
              ", which the destructor cannot repeat: it is not a constant "
              "or a member only constructors set";
        return std::nullopt;
      }
      if (Common && *Common != Text) {
        Why = Release + " needs the value " +
              Family.acquireSpelling(F->Callee) +
              " was given, which differs between constructors ('" + *Common +
              "', '" + Text + "')";
        return std::nullopt;
      }
      Common = std::move(Text);
    }
    if (Texts.size() <= N)
      Texts.resize(N + 1);
    Texts[N] = *Common;
  }
  return Texts;
}

void membersReadBy(llvm::ArrayRef<const Fact *> Acquires,
                   llvm::SmallVectorImpl<const FieldDecl *> &Fields) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::SmallVectorImpl<const FieldDecl *> *Out = nullptr;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitMemberExpr(MemberExpr *ME) {
      if (const auto *Field = llvm::dyn_cast<FieldDecl>(ME->getMemberDecl());
          Field && isThis(ME->getBase()) && !llvm::is_contained(*Out, Field))
        Out->push_back(Field);
      return true;
    }
  } F;
  F.Out = &Fields;
  for (const Fact *A : Acquires)
    if (const auto *Call = llvm::dyn_cast_or_null<CallExpr>(A->Site))
      for (const Expr *Arg : Call->arguments())
        F.TraverseStmt(const_cast<Expr *>(Arg));
}

} // namespace clang::tidy::raii
