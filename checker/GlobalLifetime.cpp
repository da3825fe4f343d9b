//===--- GlobalLifetime.cpp - raii-tidy -----------------------------------===//

#include "GlobalLifetime.h"
#include "AstQueries.h"
#include "Ownership.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::raii {

namespace {

/// A variable of static storage duration a call argument designates: `&g`
/// (the variable) or `g` when it is a pointer (what it points to).
struct GlobalRef {
  const VarDecl *Var;
  bool Pointee;
};

const VarDecl *staticVar(const Expr *E) {
  const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  const auto *V = DRE ? llvm::dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return V && V->hasGlobalStorage() && !V->getType().isNull() &&
                 !V->getType()->isDependentType()
             ? V
             : nullptr;
}

std::optional<GlobalRef> designateGlobal(const Expr *E, bool Address) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenCasts();
  if (!Address) {
    if (const VarDecl *V = staticVar(E))
      return GlobalRef{V, false};
    return std::nullopt;
  }
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    if (const VarDecl *V = staticVar(UO->getSubExpr()))
      return GlobalRef{V, false};
  if (const VarDecl *V = staticVar(E); V && V->getType()->isPointerType())
    return GlobalRef{V, true};
  return std::nullopt;
}

QualType resourceType(const GlobalRef &R) {
  QualType T = R.Var->getType();
  return R.Pointee ? T->getPointeeType() : T;
}

/// The acquisitions of variables of static storage duration in statements,
/// and in the free functions of the user's they call.
class AcquisitionFinder : public RecursiveASTVisitor<AcquisitionFinder> {
public:
  AcquisitionFinder(CalleeSummaries &Callees, std::vector<GlobalLeak> &Out)
      : Callees(Callees), Out(Out) {}

  void walk(const Stmt *S, const FunctionDecl *In, unsigned Depth) {
    const FunctionDecl *SavedIn = this->In;
    unsigned SavedDepth = this->Depth;
    this->In = In;
    this->Depth = Depth;
    TraverseStmt(const_cast<Stmt *>(S));
    this->In = SavedIn;
    this->Depth = SavedDepth;
  }

  /// What the findings of the walks to come are attributed to.
  const FunctionDecl *Entry = nullptr;
  const LifecyclePair *Pair = nullptr;

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    CalleeSummary Info = Callees.of(*Callee);
    for (const FunctionRole &R : Info.Roles) {
      if (R.Kind != RoleKind::Acquire || R.Form != AcquireForm::OutParam ||
          R.ArgIndex >= Call->getNumArgs())
        continue;
      if (std::optional<GlobalRef> G =
              designateGlobal(Call->getArg(R.ArgIndex), /*Address=*/true))
        if (acquiresOfType(R, resourceType(*G)))
          record(*G, R.Family, Call, Callee);
    }
    // Follow the user's free functions (`InitGlobals()` from DllMain).
    if (Info.Roles.empty() && !llvm::isa<CXXMethodDecl>(Callee) &&
        Depth < MaxDepth)
      if (const FunctionDecl *Def = userDefinition(*Callee))
        if (Visited.insert(Def).second)
          walk(Def->getBody(), Def, Depth + 1);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() != BO_Assign)
      return true;
    std::optional<GlobalRef> G = designateGlobal(B->getLHS(), false);
    if (!G)
      return true;
    const Expr *RHS = B->getRHS()->IgnoreParenCasts();
    if (const auto *New = llvm::dyn_cast<CXXNewExpr>(RHS)) {
      if (allocatesMemory(*New))
        if (const ResourceFamily *F = Callees.model().newFamily(New->isArray()))
          record(*G, F, B, nullptr);
      return true;
    }
    const auto *Call = llvm::dyn_cast<CallExpr>(RHS);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return true;
    for (const FunctionRole &R : Callees.of(*Callee).Roles)
      if (acquiresByValue(R, resourceType(*G)))
        record(*G, R.Family, B, Callee);
    return true;
  }

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

private:
  void record(const GlobalRef &G, const ResourceFamily *F, const Stmt *Site,
              const FunctionDecl *Callee) {
    for (const GlobalLeak &L : Out)
      if (L.Var == G.Var && L.Family == F)
        return;
    GlobalLeak L{G.Var, F, G.Pointee, Site, Callee, In, Entry, Pair, nullptr};
    Out.push_back(L);
  }

  static constexpr unsigned MaxDepth = 4;
  CalleeSummaries &Callees;
  std::vector<GlobalLeak> &Out;
  const FunctionDecl *In = nullptr;
  unsigned Depth = 0;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Visited;
};

/// The value of a case label, if it is a constant.
std::optional<llvm::APSInt> caseValue(const CaseStmt &Case,
                                      const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (!Case.getLHS() || Case.caseStmtIsGNURange() ||
      !Case.getLHS()->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

/// DllMain's `switch (fdwReason)` with its cases DLL_PROCESS_ATTACH (1)
/// and DLL_PROCESS_DETACH (0), or its `if (fdwReason == DLL_PROCESS_ATTACH)`
/// and `if (fdwReason == DLL_PROCESS_DETACH)` branches.
struct ReasonSwitch {
  const CompoundStmt *Body = nullptr;
  const CaseStmt *Attach = nullptr, *Detach = nullptr;
  const Stmt *AttachThen = nullptr, *DetachThen = nullptr;
};

class SwitchFinder : public RecursiveASTVisitor<SwitchFinder> {
public:
  SwitchFinder(const ParmVarDecl *Reason, const ASTContext &Ctx)
      : Reason(Reason), Ctx(Ctx) {}
  bool VisitSwitchStmt(SwitchStmt *S) {
    const auto *Ref = llvm::dyn_cast<DeclRefExpr>(
        S->getCond() ? S->getCond()->IgnoreParenImpCasts() : nullptr);
    const auto *Body = llvm::dyn_cast_or_null<CompoundStmt>(S->getBody());
    if (!Ref || Ref->getDecl() != Reason || !Body || Found.Body)
      return true;
    Found.Body = Body;
    for (const SwitchCase *C = S->getSwitchCaseList(); C;
         C = C->getNextSwitchCase())
      if (const auto *Case = llvm::dyn_cast<CaseStmt>(C))
        if (std::optional<llvm::APSInt> V = caseValue(*Case, Ctx)) {
          if (*V == 1)
            Found.Attach = Case;
          else if (*V == 0)
            Found.Detach = Case;
        }
    return true;
  }
  bool VisitIfStmt(IfStmt *S) {
    const auto *Eq = llvm::dyn_cast_or_null<BinaryOperator>(
        S->getCond() ? S->getCond()->IgnoreParenImpCasts() : nullptr);
    if (!Eq || Eq->getOpcode() != BO_EQ || Found.Body)
      return true;
    const Expr *Value = nullptr;
    for (auto [Side, Other] : {std::pair{Eq->getLHS(), Eq->getRHS()},
                               std::pair{Eq->getRHS(), Eq->getLHS()}})
      if (const auto *Ref =
              llvm::dyn_cast<DeclRefExpr>(Side->IgnoreParenImpCasts());
          Ref && Ref->getDecl() == Reason)
        Value = Other;
    Expr::EvalResult R;
    if (!Value || !Value->EvaluateAsInt(R, Ctx))
      return true;
    if (R.Val.getInt() == 1 && !Found.AttachThen)
      Found.AttachThen = S->getThen();
    else if (R.Val.getInt() == 0 && !Found.DetachThen)
      Found.DetachThen = S->getThen();
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  ReasonSwitch Found;

private:
  const ParmVarDecl *Reason;
  const ASTContext &Ctx;
};

/// The statements a case runs before its `break`, `return` or the next
/// label: the case's own statement, then those after it in the switch body.
llvm::SmallVector<const Stmt *, 8> caseStatements(const CompoundStmt &Body,
                                                  const CaseStmt &Case) {
  llvm::SmallVector<const Stmt *, 8> Result;
  bool In = false;
  for (const Stmt *S : Body.body()) {
    if (!In) {
      if (S != &Case)
        continue;
      In = true;
      const Stmt *Sub = Case.getSubStmt();
      while (const auto *Inner = llvm::dyn_cast<SwitchCase>(Sub))
        Sub = Inner->getSubStmt();
      if (llvm::isa<BreakStmt, ReturnStmt>(Sub))
        break;
      Result.push_back(Sub);
      continue;
    }
    if (llvm::isa<SwitchCase, BreakStmt, ReturnStmt>(S))
      break;
    Result.push_back(S);
  }
  return Result;
}

/// Where a release may go in the DLL_PROCESS_DETACH case: before its first
/// statement, if that case runs for DLL_PROCESS_DETACH alone.
const Stmt *detachStatement(const CompoundStmt &Body, const CaseStmt &Detach,
                            const char *&WhyNot) {
  const Stmt *Previous = nullptr;
  bool Direct = false;
  for (const Stmt *S : Body.body()) {
    if (S == &Detach) {
      Direct = true;
      break;
    }
    // `case DLL_THREAD_DETACH: case DLL_PROCESS_DETACH:` nests the label.
    for (const auto *C = llvm::dyn_cast<SwitchCase>(S); C;
         C = llvm::dyn_cast<SwitchCase>(C->getSubStmt()))
      if (C->getSubStmt() == &Detach) {
        WhyNot = "its DLL_PROCESS_DETACH case is shared with another case";
        return nullptr;
      }
    Previous = S;
  }
  if (llvm::isa<SwitchCase>(Detach.getSubStmt())) {
    WhyNot = "its DLL_PROCESS_DETACH case is shared with another case";
    return nullptr;
  }
  if (!Direct) {
    WhyNot = "its DLL_PROCESS_DETACH case is nested in another statement";
    return nullptr;
  }
  if (Previous && !llvm::isa<BreakStmt, ReturnStmt>(Previous)) {
    WhyNot = "another case may fall through into its DLL_PROCESS_DETACH case";
    return nullptr;
  }
  return Detach.getSubStmt();
}

/// Counts the references to the candidate variables that are accounted for:
/// acquisitions, uses, releases (which end the leak). Any other reference
/// may release the resource or hand it on.
class ReferenceScan : public RecursiveASTVisitor<ReferenceScan> {
public:
  ReferenceScan(CalleeSummaries &Callees, const SourceManager &SM,
                const llvm::SmallPtrSetImpl<const VarDecl *> &Vars)
      : Callees(Callees), SM(SM), Vars(Vars) {}

  bool TraverseDecl(Decl *D) {
    if (D && !llvm::isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *V = llvm::dyn_cast<VarDecl>(E->getDecl());
        V && Vars.count(V))
      ++Total[V];
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    CalleeSummary Info = Callees.of(*Callee);
    for (unsigned I = 0, N = Call->getNumArgs(); I != N; ++I) {
      const Expr *Arg = Call->getArg(I);
      std::optional<GlobalRef> G = designateGlobal(Arg, true);
      if (!G)
        G = designateGlobal(Arg, false);
      if (!G || !Vars.count(G->Var))
        continue;
      bool Accounted = Info.Use;
      for (const FunctionRole &R : Info.Roles)
        if (R.ArgIndex == I) {
          Accounted = true;
          if (R.Kind == RoleKind::Release)
            Released.insert({G->Var, R.Family});
        }
      if (Accounted)
        ++Counted[G->Var];
    }
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_Assign)
      if (std::optional<GlobalRef> G = designateGlobal(B->getLHS(), false);
          G && Vars.count(G->Var))
        ++Counted[G->Var];
    return true;
  }

  llvm::DenseMap<const VarDecl *, unsigned> Total, Counted;
  llvm::DenseSet<std::pair<const VarDecl *, const ResourceFamily *>> Released;

private:
  CalleeSummaries &Callees;
  const SourceManager &SM;
  const llvm::SmallPtrSetImpl<const VarDecl *> &Vars;
};

} // namespace

std::vector<GlobalLeak>
globalLeaks(llvm::ArrayRef<const FunctionDecl *> FreeFunctions,
            CalleeSummaries &Callees, llvm::ArrayRef<LifecyclePair> Pairs,
            ASTContext &Ctx) {
  std::vector<GlobalLeak> Found;
  AcquisitionFinder Finder(Callees, Found);
  for (const FunctionDecl *FD : FreeFunctions) {
    if (isNamed(*FD, "DllMain") && FD->getNumParams() == 3 && FD->getBody()) {
      SwitchFinder Switches(FD->getParamDecl(1), Ctx);
      Switches.TraverseStmt(FD->getBody());
      const ReasonSwitch &S = Switches.Found;
      llvm::SmallVector<const Stmt *, 8> Attach;
      const char *NoDetach = "'DllMain' has no DLL_PROCESS_DETACH case";
      const Stmt *Detach = nullptr;
      if (S.Body && S.Attach) {
        Attach = caseStatements(*S.Body, *S.Attach);
        if (S.Detach)
          Detach = detachStatement(*S.Body, *S.Detach, NoDetach);
      } else if (S.AttachThen) {
        if (const auto *Then = llvm::dyn_cast<CompoundStmt>(S.AttachThen))
          Attach.append(Then->body_begin(), Then->body_end());
        else
          Attach.push_back(S.AttachThen);
        // A statement goes into the detach branch only between braces.
        const auto *Then = llvm::dyn_cast_or_null<CompoundStmt>(S.DetachThen);
        if (Then && !Then->body_empty())
          Detach = Then->body_front();
        else if (S.DetachThen)
          NoDetach = "its DLL_PROCESS_DETACH branch is empty or has no braces";
      } else {
        continue;
      }
      size_t First = Found.size();
      Finder.Entry = FD;
      Finder.Pair = nullptr;
      for (const Stmt *St : Attach)
        Finder.walk(St, FD, 0);
      for (size_t I = First; I != Found.size(); ++I) {
        GlobalLeak &L = Found[I];
        L.DetachStmt = Detach;
        L.NoDetach = Detach ? nullptr : NoDetach;
        // Directly one of the attach statements, before any return.
        for (const Stmt *St : Attach) {
          const Stmt *Plain = St;
          if (const auto *EWC = llvm::dyn_cast<ExprWithCleanups>(Plain))
            Plain = EWC->getSubExpr();
          if (Plain == L.Site) {
            L.Unconditional = L.Acquirer == FD;
            break;
          }
          if (containsReturn(*St))
            break;
        }
      }
      continue;
    }
    if (llvm::isa<CXXMethodDecl>(FD) || !FD->getBody())
      continue;
    for (const LifecyclePair &P : Pairs) {
      if (!isNamed(*FD, P.Open))
        continue;
      size_t First = Found.size();
      Finder.Entry = FD;
      Finder.Pair = &P;
      Finder.walk(FD->getBody(), FD, 0);
      const FunctionDecl *CloseDef = nullptr;
      if (!P.Close.empty())
        for (const FunctionDecl *Other : FreeFunctions)
          if (isNamed(*Other, P.Close) && !llvm::isa<CXXMethodDecl>(Other))
            CloseDef = Other;
      for (size_t I = First; I != Found.size(); ++I)
        Found[I].CloseDef = CloseDef;
    }
  }
  if (Found.empty())
    return Found;

  llvm::SmallPtrSet<const VarDecl *, 4> Vars;
  for (const GlobalLeak &L : Found)
    Vars.insert(L.Var);
  ReferenceScan Scan(Callees, Ctx.getSourceManager(), Vars);
  // The declarations clang-tidy analyses: the whole translation unit, or
  // in clangd the main file's (so that the preamble is not deserialized).
  for (Decl *D : Ctx.getTraversalScope())
    Scan.TraverseDecl(D);
  llvm::erase_if(Found, [&](const GlobalLeak &L) {
    return Scan.Released.count({L.Var, L.Family}) ||
           Scan.Counted.lookup(L.Var) < Scan.Total.lookup(L.Var) ||
           !L.Family->Reported;
  });
  return Found;
}

} // namespace clang::tidy::raii
