//===--- FunctionSummary.cpp - raii-tidy ----------------------------------===//

#include "FunctionSummary.h"
#include "AstQueries.h"
#include "Ownership.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::raii {

namespace {

/// Turns the events of one body into facts about the tracked members, as the
/// analysis's model sees them.
class SummaryBuilder {
public:
  SummaryBuilder(const CXXRecordDecl &RD, const MemberTable &Members,
                 CalleeSummaries &Callees, ObjectEffects &Objects,
                 FunctionSummary &S)
      : RD(RD), Members(Members), Callees(Callees), Objects(Objects), S(S) {}

  void build(const ClassBodies::Walk &W) {
    S.Calls = W.Calls;
    S.IndirectCall = W.IndirectCall;
    for (const ClassBodies::Event &E : W.Events) {
      Guarded = E.Guarded;
      ExitPath = E.ExitPath;
      Deferred = E.Deferred;
      switch (E.K) {
      case ClassBodies::Event::Call:
        call(static_cast<const CallExpr *>(E.Node));
        break;
      case ClassBodies::Event::Assign:
        assignment(static_cast<const BinaryOperator *>(E.Node));
        break;
      case ClassBodies::Event::Delete:
        deletion(static_cast<const CXXDeleteExpr *>(E.Node));
        break;
      case ClassBodies::Event::VarInit:
        varInit(static_cast<const VarDecl *>(E.Node));
        break;
      case ClassBodies::Event::FunctionRef:
        functionRef(static_cast<const DeclRefExpr *>(E.Node));
        break;
      case ClassBodies::Event::RangeFor:
        break; // Its loop variable is designated by MemberTable::rangeMember.
      case ClassBodies::Event::MemberInit:
        initializes(*static_cast<const CXXCtorInitializer *>(E.Node), E.Init);
        break;
      case ClassBodies::Event::Broken:
        broken(static_cast<const RecoveryExpr *>(E.Node));
        break;
      }
    }
  }

private:
  /// Code that does not compile (`DeleteCriticalSection(m_cs)` without
  /// the `&`): what it meant to do to the members it names is unknown, and
  /// unknown means "maybe released".
  void broken(const RecoveryExpr *E) {
    for (const Expr *Sub : E->subExpressions())
      if (std::optional<Designation> D = anyDesignation(Sub))
        add(FactKind::Escape, {D->Member, false, nullptr}, E);
  }

  void deletion(const CXXDeleteExpr *Delete) {
    std::optional<Designation> D =
        Members.designate(Delete->getArgument(), ArgMode::Value);
    if (!D || D->Pointee)
      return;
    add(FactKind::Free, {D->Member, false, nullptr}, Delete);
    if (const ResourceFamily *F =
            Callees.model().deleteFamily(Delete->isArrayForm()))
      add(FactKind::Release, {D->Member, false, F}, Delete);
  }

  /// `m = acquire(..)`, `m = new T`, `m = nullptr`, `m = o.m`; `x = m`
  /// stores the member elsewhere.
  void assignment(const BinaryOperator *B) {
    std::optional<Designation> LHS =
        Members.designate(B->getLHS(), ArgMode::Value);
    if (LHS && (assigned(LHS->Member, B->getRHS()) ||
                nullOrTakeOver(LHS->Member, B->getRHS(), B)))
      return;
    if (std::optional<Designation> RHS =
            Members.designate(B->getRHS(), ArgMode::Value);
        RHS && !(LHS && LHS->Member == RHS->Member))
      add(FactKind::Escape, {RHS->Member, false, nullptr}, B);
    // `a_ = b_ = new T`: two members hold one resource.
    if (const auto *Inner =
            llvm::dyn_cast_or_null<BinaryOperator>(stripped(B->getRHS()));
        Inner && Inner->getOpcode() == BO_Assign)
      if (std::optional<Designation> Shared =
              Members.designate(Inner->getLHS(), ArgMode::Value))
        add(FactKind::Escape, {Shared->Member, false, nullptr}, B);
  }

  /// `m = nullptr`, `m(-1)`: the member holds nothing. `m = o.m`,
  /// `m(std::exchange(o.m, nullptr))`: it takes over another object's.
  bool nullOrTakeOver(unsigned M, const Expr *E, const Stmt *Site) {
    if (isNullValue(E, RD.getASTContext())) {
      add(FactKind::Null, {M, false, nullptr}, Site);
      return true;
    }
    if (takenOverField(stripped(E), RD)) {
      add(FactKind::TakeOver, {M, false, nullptr}, Site);
      return true;
    }
    if (adoptsParameter(E)) {
      add(FactKind::Adopt, {M, false, nullptr}, Site);
      return true;
    }
    return false;
  }

  /// `Holder(T *P) : p_(P)`: the caller hands the resource over.
  static bool adoptsParameter(const Expr *E) {
    const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(stripped(E));
    const auto *Param =
        Ref ? llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    return Param && !Param->getType().isNull() &&
           !Param->getType()->isReferenceType();
  }

  /// `T x = m;` stores the member elsewhere.
  void varInit(const VarDecl *Var) {
    if (!Members.rangeMember(*Var))
      if (std::optional<Designation> D = anyDesignation(Var->getInit()))
        add(FactKind::Escape, {D->Member, false, nullptr}, Var->getInit());
  }

  void functionRef(const DeclRefExpr *Ref) {
    for (const FunctionRole &R :
         Callees.of(*llvm::cast<FunctionDecl>(Ref->getDecl())).Roles)
      if (R.Kind == RoleKind::Release &&
          !llvm::is_contained(S.ReleaseAddressTaken, R.Family))
        S.ReleaseAddressTaken.push_back(R.Family);
  }

  void call(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    llvm::SmallVector<unsigned, 2> Consumed;
    if (Callee) {
      CalleeSummary Info = Callees.of(*Callee);
      for (const FunctionRole &R : Info.Roles)
        roleFact(Call, *Callee, R, Consumed);
      if (Info.Use)
        return;
      reallocation(Call, *Callee, Info, Consumed);
      // An acquire function only uses its other arguments
      // (`CreateFileMappingW(m_hFile, ..)`).
      if (llvm::any_of(Info.Roles, [](const FunctionRole &R) {
            return R.Kind == RoleKind::Acquire;
          }))
        return;
      if (std::optional<unsigned> Arg = Info.FreesArg;
          Arg && *Arg < Call->getNumArgs())
        if (std::optional<Designation> D =
                Members.designate(Call->getArg(*Arg), ArgMode::Value);
            D && !D->Pointee) {
          add(FactKind::Free, {D->Member, false, nullptr}, Call);
          Consumed.push_back(*Arg);
        }
      if (Info.Roles.empty())
        objectCall(Call);
    }
    // Any other argument designating a member hands it to someone else.
    // (The object of a member call is not an argument.)
    uint64_t OnlyUsed = Callee ? Callees.of(*Callee).OnlyUsedArgs : uint64_t(0);
    unsigned Fixed = variadicUses(Call, Callee) ? Callee->getNumParams()
                                                : Call->getNumArgs();
    for (unsigned I = 0, N = std::min(Fixed, Call->getNumArgs()); I != N; ++I) {
      if (llvm::is_contained(Consumed, I) || (I < 64 && (OnlyUsed >> I & 1)))
        continue;
      if (isThis(Call->getArg(I)) && !isOwnMethod(Callee, RD)) {
        S.HandsOffThis = true;
        continue;
      }
      if (std::optional<Designation> D = anyDesignation(Call->getArg(I)))
        add(FactKind::Escape, {D->Member, false, nullptr}, Call);
    }
  }

  /// Whether the arguments in the `...` of \p Callee are only used: what a
  /// C variadic function whose body is elsewhere receives there it reads
  /// through va_arg, to print or log it (`printf("%p", h)`, a logging
  /// macro). Not `syscall`, which may be `syscall(SYS_close, fd)`, nor a
  /// variadic function of the user's with a body here, whose va_arg may
  /// keep or release what it is given.
  static bool variadicUses(const CallExpr *Call, const FunctionDecl *Callee) {
    if (!Callee || !Callee->isVariadic() ||
        llvm::isa<CXXOperatorCallExpr>(Call) || userDefinition(*Callee))
      return false;
    const IdentifierInfo *II = Callee->getIdentifier();
    return !(II && II->isStr("syscall"));
  }

  /// `q = realloc(p, n)` releases `p`'s block; `p = realloc(p, n)` keeps
  /// `p` owned.
  void reallocation(const CallExpr *Call, const FunctionDecl &Callee,
                    const CalleeSummary &Info,
                    llvm::SmallVectorImpl<unsigned> &Consumed) {
    std::optional<unsigned> Arg = Info.ReallocArg;
    if (!Arg || *Arg >= Call->getNumArgs() || SelfReallocs.count(Call))
      return;
    std::optional<Designation> D =
        Members.designate(Call->getArg(*Arg), ArgMode::Value);
    if (!D || D->Pointee)
      return;
    for (const FunctionRole &R : Info.Roles)
      if (R.Kind == RoleKind::Acquire && R.Form == AcquireForm::ReturnValue)
        add(FactKind::Release, {D->Member, false, R.Family}, Call, &Callee);
    add(FactKind::Free, {D->Member, false, nullptr}, Call);
    Consumed.push_back(*Arg);
  }

  /// `m_p->release()`: what the method does to the object the member points
  /// to. A body that reaches `delete this` frees it; an unknown body (or
  /// overrider), or one handing `this` on, may keep or free it.
  void objectCall(const CallExpr *Call) {
    const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(Call);
    const auto *ME =
        MC ? llvm::dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParenImpCasts())
           : nullptr;
    const CXXMethodDecl *Method = MC ? MC->getMethodDecl() : nullptr;
    if (!ME || !Method)
      return;
    // `(*m_p).Release()` is `m_p->Release()`.
    const Expr *Object = ME->getBase();
    if (!ME->isArrow()) {
      const auto *Deref =
          llvm::dyn_cast<UnaryOperator>(Object->IgnoreParenImpCasts());
      if (!Deref || Deref->getOpcode() != UO_Deref)
        return;
      Object = Deref->getSubExpr();
    }
    std::optional<unsigned> M = Members.memberOf(Object);
    if (!M || !Members[*M].Element->isPointerType())
      return;
    // `p_->~T()` ends the object's life without freeing its storage.
    ObjectEffect Effect = llvm::isa<CXXDestructorDecl>(Method)
                              ? ObjectEffect::Unknown
                              : Objects.of(*Method);
    if (Effect == ObjectEffect::Deletes)
      add(FactKind::Free, {*M, false, nullptr}, Call, Method);
    else if (Effect == ObjectEffect::Unknown)
      add(FactKind::Escape, {*M, false, nullptr}, Call, Method);
  }

  /// A member initializer `m(expr)` or a default member initializer.
  void initializes(const CXXCtorInitializer &Init, const Expr *E) {
    const FieldDecl *Field = Init.getAnyMember();
    if (!Field)
      return;
    llvm::SmallVector<const FieldDecl *, 2> Path;
    if (const IndirectFieldDecl *IFD = Init.getIndirectMember()) {
      for (const NamedDecl *ND : IFD->chain())
        if (const auto *FD = llvm::dyn_cast<FieldDecl>(ND))
          Path.push_back(FD);
    } else {
      Path.push_back(Field);
    }
    std::optional<unsigned> M = Members.memberByPath(Path);
    if (!M || assigned(*M, E) || nullOrTakeOver(*M, E, E))
      return;
    // `b_(a_)`: two members hold one resource.
    if (std::optional<Designation> Other = Members.designate(E, ArgMode::Value);
        Other && Other->Member != *M)
      add(FactKind::Escape, {Other->Member, false, nullptr}, E);
  }

  void add(FactKind K, ResourceKey Key, const Stmt *Site,
           const FunctionDecl *Callee = nullptr, QualType Cast = QualType(),
           const Stmt *Via = nullptr) {
    // In a lambda, a release may happen later or never: it can only keep
    // the resource from being proven owned. (An acquisition there counts,
    // as the lambdas that constructors run acquire.)
    if (Deferred && K != FactKind::Acquire) {
      if (K == FactKind::Null)
        return;
      K = FactKind::Escape;
      Key.Family = nullptr;
    }
    S.Facts.push_back({K, Key, Site, Guarded, Callee, ExitPath, Cast, Via});
  }

  std::optional<Designation> anyDesignation(const Expr *E) const {
    // `f(m = acquire())` hands over what it assigns.
    if (const auto *BO = llvm::dyn_cast_or_null<BinaryOperator>(stripped(E));
        BO && BO->isAssignmentOp())
      E = BO->getLHS();
    if (std::optional<Designation> D = Members.designate(E, ArgMode::Address))
      return D;
    return Members.designate(E, ArgMode::Value);
  }

  /// Records an acquisition if \p E, assigned to member \p M, acquires a
  /// resource (`malloc(n)`, `new T[n]`, `CreateEventW(..)`).
  bool assigned(unsigned M, const Expr *E) {
    E = stripped(E);
    if (!E || Members[M].Element.isNull() ||
        !Members[M].Element->isScalarType())
      return false;
    // `m_ = tmp = new T[n]`: a local that only relays the resource into the
    // member keeps nothing.
    if (const auto *Relay = llvm::dyn_cast<BinaryOperator>(E);
        Relay && Relay->getOpcode() == BO_Assign) {
      const auto *Ref = llvm::dyn_cast<DeclRefExpr>(stripped(Relay->getLHS()));
      const auto *Local =
          Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      const auto *Fn = Local ? llvm::dyn_cast_or_null<FunctionDecl>(
                                   Local->getParentFunctionOrMethod())
                             : nullptr;
      if (Fn && Fn->getBody() && Local->hasLocalStorage() &&
          !llvm::isa<ParmVarDecl>(Local) &&
          !Local->getType()->isReferenceType() &&
          onlyReadThrough(*Local, *Fn->getBody(), 1))
        return assigned(M, Relay->getRHS());
      return false;
    }
    if (const auto *New = llvm::dyn_cast<CXXNewExpr>(E)) {
      // Placement new constructs in memory someone else owns.
      const ResourceFamily *F = Callees.model().newFamily(New->isArray());
      if (!F || !allocatesMemory(*New))
        return false;
      // `new Item(this)` may register the item with its owner.
      if (registersOwner(*New))
        add(FactKind::Escape, {M, false, nullptr}, New);
      else
        add(FactKind::Acquire, {M, false, F}, New);
      return true;
    }
    const auto *Call = llvm::dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return false;
    // `p = realloc(p, n)` keeps `p` owned.
    if (std::optional<unsigned> Arg = Callees.of(*Callee).ReallocArg;
        Arg && *Arg < Call->getNumArgs())
      if (std::optional<Designation> D =
              Members.designate(Call->getArg(*Arg), ArgMode::Value);
          D && D->Member == M && !D->Pointee)
        SelfReallocs.insert(Call);
    bool Acquired = false;
    for (const FunctionRole &R : Callees.of(*Callee).Roles)
      if (acquiresByValue(R, Members[M].Element)) {
        add(FactKind::Acquire, {M, false, R.Family}, Call, Callee, QualType(),
            R.Via);
        Acquired = true;
      }
    return Acquired;
  }

  /// The pointer type \p Arg is explicitly cast to, or a null type.
  static QualType castType(const Expr *Arg) {
    const auto *Cast =
        llvm::dyn_cast<ExplicitCastExpr>(Arg->IgnoreParenImpCasts());
    if (!Cast || !Cast->getType()->isPointerType())
      return QualType();
    return Cast->getType();
  }

  /// The type of the resource \p D designates.
  QualType resourceType(const Designation &D) const {
    QualType T = Members[D.Member].Element;
    return D.Pointee ? T->getPointeeType() : T;
  }

  /// Records what a call to a function with role \p R does.
  void roleFact(const CallExpr *Call, const FunctionDecl &Callee,
                const FunctionRole &R, llvm::SmallVectorImpl<unsigned> &Used) {
    const ResourceFamily &F = *R.Family;
    QualType CastType;
    bool IsMethodFamily = R.Kind == RoleKind::Acquire
                              ? F.AcquiredBy == AcquireForm::Method
                              : F.ReleasedBy == ReleaseForm::Method;
    std::optional<Designation> D;
    if (IsMethodFamily) {
      // m.Init(), m->Init(), m[i].Init(): the object is the resource.
      const auto *MCE = llvm::dyn_cast<CXXMemberCallExpr>(Call);
      const auto *ME =
          MCE ? llvm::dyn_cast<MemberExpr>(MCE->getCallee()->IgnoreParens())
              : nullptr;
      if (!ME)
        return;
      D = Members.designate(ME->getBase(),
                            ME->isArrow() ? ArgMode::Address : ArgMode::Value);
    } else {
      if (R.Kind == RoleKind::Acquire && R.Form != AcquireForm::OutParam)
        return; // Acquired by its value: see assigned().
      if (R.ArgIndex >= Call->getNumArgs())
        return;
      ArgMode Mode = R.Kind == RoleKind::Acquire || F.ReleaseTakesAddress
                         ? ArgMode::Address
                         : ArgMode::Value;
      D = Members.designate(Call->getArg(R.ArgIndex), Mode);
    }
    if (!D)
      return;
    // A release of a member of another type is a mismatch, not nothing.
    if (R.Kind == RoleKind::Acquire && F.isTyped()) {
      QualType Resource = resourceType(*D);
      // `InitializeCriticalSection((CRITICAL_SECTION *)m_cs)`, `void *m_cs`.
      QualType Cast;
      if (D->Pointee && Resource->isVoidType() && !IsMethodFamily) {
        Cast = castType(Call->getArg(R.ArgIndex));
        Resource = Cast.isNull() ? Cast : Cast->getPointeeType();
      }
      if (Resource.isNull() || !acquiresOfType(R, Resource))
        return;
      CastType = Cast;
    }
    if (!IsMethodFamily)
      Used.push_back(R.ArgIndex);
    add(R.Kind == RoleKind::Acquire ? FactKind::Acquire : FactKind::Release,
        {D->Member, D->Pointee, &F}, Call, &Callee, CastType, R.Via);
  }

  const CXXRecordDecl &RD;
  const MemberTable &Members;
  CalleeSummaries &Callees;
  ObjectEffects &Objects;
  FunctionSummary &S;
  bool Guarded = false, ExitPath = false, Deferred = false;
  /// `p = realloc(p, n)` calls, which do not release `p`.
  llvm::SmallPtrSet<const CallExpr *, 1> SelfReallocs;
};

} // namespace

const char *factKindName(FactKind K) {
  switch (K) {
  case FactKind::Acquire:
    return "acquire";
  case FactKind::Release:
    return "release";
  case FactKind::Free:
    return "free";
  case FactKind::Escape:
    return "escape";
  case FactKind::Null:
    return "null";
  case FactKind::TakeOver:
    return "take-over";
  case FactKind::Adopt:
    return "adopt";
  }
  return "?";
}

void FunctionSummary::dump(const MemberTable &Members, const SourceManager &SM,
                           llvm::raw_ostream &OS) const {
  for (const Fact &F : Facts) {
    OS << "  " << factKindName(F.Kind) << " ";
    if (F.Key.Pointee)
      OS << "*";
    OS << Members[F.Key.Member].spelling();
    if (F.Key.Family)
      OS << " (" << F.Key.Family->Id << ")";
    if (F.Site) {
      OS << " at ";
      SM.getExpansionLoc(F.Site->getBeginLoc()).print(OS, SM);
    } else {
      OS << " in another translation unit";
    }
    if (F.Guarded)
      OS << ", guarded";
    if (F.ExitPath)
      OS << ", on a failure path";
    OS << "\n";
  }
  for (const MethodCall &Call : Calls)
    OS << "  calls " << Call.Callee->getQualifiedNameAsString()
       << (Call.Guarded ? ", guarded" : "")
       << (Call.Deferred ? ", deferred" : "") << "\n";
  if (IndirectCall)
    OS << "  makes an indirect call\n";
  if (HandsOffThis)
    OS << "  hands the object to another function\n";
}

FunctionSummary summarize(const BodyWalk &W, const CXXRecordDecl &RD,
                          const MemberTable &Members, CalleeSummaries &Callees,
                          ObjectEffects &Objects) {
  FunctionSummary S;
  SummaryBuilder(RD, Members, Callees, Objects, S).build(W);
  return S;
}

} // namespace clang::tidy::raii
