//===--- Explain.cpp - raii-tidy ------------------------------------------===//

#include "Explain.h"
#include "CopyOperations.h"
#include "FixPlanner.h"
#include "FixWriter.h"
#include "ProjectFacts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::raii {

ExplainRequest *&activeExplainRequest() {
  static ExplainRequest *Active = nullptr;
  return Active;
}

bool ExplainRequest::matches(const CXXRecordDecl &RD) const {
  llvm::StringRef Wanted = llvm::StringRef(ClassName).ltrim(':');
  std::string Qualified = RD.getQualifiedNameAsString();
  llvm::StringRef Q = Qualified;
  return Q == Wanted ||
         (Q.ends_with(Wanted) && Q.drop_back(Wanted.size()).ends_with("::"));
}

namespace {

/// "file.cpp:12:5": where \p Loc is written (its expansion), by file name.
std::string where(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid())
    return "<unknown>";
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return "<unknown>";
  return (llvm::sys::path::filename(P.getFilename()) + ":" +
          llvm::Twine(P.getLine()) + ":" + llvm::Twine(P.getColumn()))
      .str();
}

std::string named(const NamedDecl *D) {
  return D ? "'" + D->getNameAsString() + "'" : "?";
}

/// "constructor 'C'", "'Init'", "destructor '~C'".
std::string functionKind(const FunctionDecl *F) {
  if (llvm::isa<CXXConstructorDecl>(F))
    return "constructor " + named(F);
  if (llvm::isa<CXXDestructorDecl>(F))
    return "destructor " + named(F);
  return named(F);
}

/// Where \p F is: "c.cpp:12:5", or for a fact of another translation unit
/// "b.cpp:4:3 (project facts)".
std::string whereFact(const Fact &F, const SourceManager &SM) {
  if (F.Site)
    return where(F.Site->getBeginLoc(), SM);
  if (!F.Stored)
    return "?";
  return F.Stored->Place.File + ":" + std::to_string(F.Stored->Place.Line) +
         ":" + std::to_string(F.Stored->Place.Column) + " (project facts)";
}

/// "by 'InitializeCriticalSection' at c.cpp:12:5 in constructor 'C'
/// (through the call at c.cpp:10:3)".
std::string reached(const ReachedFact &R, const SourceManager &SM) {
  std::string S;
  if (R.F->Callee)
    S += "by " + named(R.F->Callee) + " ";
  else if (const auto *New = llvm::dyn_cast_or_null<CXXNewExpr>(R.F->Site))
    S += New->isArray() ? "by 'new[]' " : "by 'new' ";
  else if (const auto *Delete =
               llvm::dyn_cast_or_null<CXXDeleteExpr>(R.F->Site))
    S += Delete->isArrayForm() ? "by 'delete[]' " : "by 'delete' ";
  S += "at " + whereFact(*R.F, SM) + " in " + functionKind(R.In);
  if (R.FirstHop)
    S += " (through the call at " + where(R.FirstHop->getBeginLoc(), SM) + ")";
  if (R.Guarded)
    S += ", conditionally";
  if (R.F->ExitPath)
    S += ", on a branch that leaves the function";
  return S;
}

/// Why a constructor does not keep what it acquires, or what it leaves in
/// the member when it acquires nothing: the ownership decision and its
/// witness.
std::string ownership(ClassAnalysis &A, const CXXConstructorDecl *Ctor,
                      const ResourceKey &Key, const SourceManager &SM) {
  std::string Who =
      "constructor " + named(Ctor) + " at " + where(Ctor->getLocation(), SM);
  const Closure *C = A.closureOf(Ctor);
  switch (A.acquires(Ctor, Key)) {
  case Acquires::Yes:
    return "owned: " + Who + " acquires it and keeps it";
  case Acquires::Unknown:
    if (!C)
      return "unknown: the body of " + Who + " is not available";
    for (const ReachedFact *R : C->factsOf(Key.Member)) {
      if (R->Deferred || R->F->ExitPath)
        continue;
      if (R->F->Kind == FactKind::Escape) {
        const auto *Call = llvm::dyn_cast_or_null<CallExpr>(R->F->Site);
        const FunctionDecl *Callee =
            R->F->Callee ? R->F->Callee
                         : (Call ? Call->getDirectCallee() : nullptr);
        return "escaped at " + whereFact(*R->F, SM) +
               (Callee ? " through a call to " + named(Callee)
                       : std::string(": stored elsewhere")) +
               " in " + functionKind(R->In);
      }
      if ((R->F->Kind == FactKind::Release && R->F->Key == Key) ||
          (R->F->Kind == FactKind::Free && !Key.Pointee))
        return "not kept: released again at " + whereFact(*R->F, SM) + " in " +
               functionKind(R->In);
    }
    for (const ReachedFact &R : C->Facts)
      if (R.Deferred && R.F->Key.Member == Key.Member)
        return "unknown: a lambda or an indirect call may release it at " +
               whereFact(*R.F, SM);
    return "unknown: " + Who +
           " calls a member function whose body is not available, or hands "
           "the whole object to another function";
  case Acquires::No:
    break;
  }
  switch (A.leaves(Ctor, Key)) {
  case CtorLeaves::Adopted:
    return "adopted: " + Who + " stores a parameter in it";
  case CtorLeaves::TakenOver:
    return "taken over: " + Who + " holds what another object held";
  case CtorLeaves::Null:
    return "null state: " + Who + " leaves it null";
  case CtorLeaves::Unacquired:
    return "not acquired by " + Who;
  case CtorLeaves::Acquired:
  case CtorLeaves::Unknown:
    break;
  }
  return "unknown: " + Who;
}

/// The resources \p A's functions acquire or release, each once, in member
/// order.
llvm::SmallVector<ResourceKey, 4> resourcesOf(ClassAnalysis &A) {
  llvm::SmallVector<ResourceKey, 4> Keys(A.acquiredResources().begin(),
                                         A.acquiredResources().end());
  for (const FunctionDecl *F : A.definedMethods())
    for (const Fact &Fct : A.localFacts(F))
      if ((Fct.Kind == FactKind::Acquire || Fct.Kind == FactKind::Release) &&
          Fct.Key.Family && !llvm::is_contained(Keys, Fct.Key))
        Keys.push_back(Fct.Key);
  llvm::stable_sort(Keys, [](const ResourceKey &L, const ResourceKey &R) {
    return std::pair(L.Member, !L.Pointee) < std::pair(R.Member, !R.Pointee);
  });
  return Keys;
}

const char *describe(CopyKind K) {
  switch (K) {
  case CopyKind::Safe:
    return "cannot copy (deleted, user-written, or never defined)";
  case CopyKind::Implicit:
    return "implicit";
  case CopyKind::Defaulted:
    return "defaulted";
  }
  return "?";
}

} // namespace

ExplainedClass &explainClassShape(ExplainRequest &Request,
                                  const CXXRecordDecl &RD, ClassBodies &Bodies,
                                  ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  ExplainedClass &C = Request.Classes.emplace_back();
  C.Name = RD.getQualifiedNameAsString();
  C.Location = where(RD.getLocation(), SM);
  auto Extent = [&](SourceRange R) {
    SourceLocation B = SM.getExpansionLoc(R.getBegin());
    SourceLocation E = SM.getExpansionLoc(R.getEnd());
    if (B.isInvalid() || E.isInvalid() || SM.getFileID(B) != SM.getFileID(E))
      return;
    OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(B));
    if (!File)
      return;
    // The tool compares these with the paths of the diagnostics: absolute,
    // with symbolic links resolved.
    llvm::SmallString<256> Path(File->getName()), Real;
    SM.getFileManager().makeAbsolutePath(Path);
    if (llvm::sys::fs::real_path(Path, Real))
      Real = Path;
    C.Extents.push_back(
        {Real.str().str(), SM.getFileOffset(B), SM.getFileOffset(E)});
  };
  Extent(RD.getSourceRange());
  for (const FunctionDecl *F : Bodies.definedMethods())
    Extent(F->getSourceRange());
  for (const CXXConstructorDecl *Ctor : Bodies.constructors()) {
    const FunctionDecl *Def = Bodies.definition(Ctor);
    C.Lines.push_back("constructor " + named(Ctor) + " at " +
                      where(Ctor->getLocation(), SM) +
                      (Def ? "" : ": its body is not available"));
    if (Def && Def != Ctor)
      Extent(Def->getSourceRange());
  }
  if (Bodies.constructors().empty())
    C.Lines.push_back("no user-written constructor");
  const DestructorInfo &Dtor = Bodies.destructor();
  switch (Dtor.Kind) {
  case DestructorKind::Implicit:
    C.Lines.push_back("destructor: implicit");
    break;
  case DestructorKind::Defaulted:
    C.Lines.push_back("destructor " + named(Dtor.Decl) + " at " +
                      where(Dtor.Decl->getLocation(), SM) + ": defaulted");
    break;
  case DestructorKind::Defined:
    C.Lines.push_back("destructor " + named(Dtor.Decl) + " at " +
                      where(Dtor.Def->getLocation(), SM) + ": defined");
    break;
  case DestructorKind::Unavailable:
  case DestructorKind::External: // (Bodies' view never says External.)
    C.Lines.push_back("destructor " + named(Dtor.Decl) +
                      ": its body is not available here");
    break;
  case DestructorKind::Deleted:
    C.Lines.push_back("destructor " + named(Dtor.Decl) +
                      ": deleted (objects are never destroyed)");
    break;
  }
  C.Lines.push_back(std::string("copy constructor: ") +
                    describe(copyConstructor(RD).Kind) +
                    "; copy assignment: " + describe(copyAssignment(RD).Kind));
  return C;
}

ExplainedCheck explainAnalysis(ClassAnalysis &A, llvm::StringRef Check,
                               llvm::ArrayRef<LifecyclePair> Pairs,
                               const ClassRecord *CopyRecord, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  ExplainedCheck Out;
  Out.Check = Check.str();
  if (!A.mayHoldResources()) {
    Out.Notes.push_back("no member can hold a resource of its families");
    return Out;
  }
  const DestructorInfo &Dtor = A.destructor();
  const Closure *DC =
      Dtor.Kind == DestructorKind::Defined ? A.closureOf(Dtor.Def) : nullptr;
  std::vector<Leak> Leaks = A.leaks();
  std::vector<UnacquiredRelease> Unacquired = A.releasesWithoutAcquire();
  std::vector<MismatchedRelease> Mismatched = A.mismatchedReleases();
  std::vector<LifecycleLeak> Lifecycle = lifecycleLeaks(A, Pairs);
  DestructorFixPlan Plan = planDestructorFix(A, Leaks, Ctx);
  bool CanCopy = copyConstructor(A.record()).Kind != CopyKind::Safe ||
                 copyAssignment(A.record()).Kind != CopyKind::Safe;

  for (const ResourceKey &Key : resourcesOf(A)) {
    const TrackedMember &M = A.members()[Key.Member];
    const ResourceFamily &Family = *Key.Family;
    ExplainedCheck::Row &Row = Out.Rows.emplace_back();
    Row.Member = "'" + M.spelling() + "'";
    auto Line = [&](std::string S) { Row.Lines.push_back(std::move(S)); };
    Line(std::string(Key.Pointee ? "what " + Row.Member + " points to"
                                 : Row.Member) +
         " at " + where(M.topLevel()->getLocation(), SM) + ": " + Family.Name +
         (Family.Reported ? "" : " (tracked; another check reports it)") +
         (M.InheritedFrom ? ", a member of base class " + named(M.InheritedFrom)
                          : ""));
    // Where it is acquired: constructors, then opening methods.
    bool Acquired = false;
    for (const CXXConstructorDecl *Ctor : A.constructors())
      if (const Closure *C = A.closureOf(Ctor))
        if (const ReachedFact *R = C->first(FactKind::Acquire, Key)) {
          Line(Family.Acquired + " " + reached(*R, SM));
          Acquired = true;
        }
    for (const LifecyclePair &P : Pairs)
      for (const FunctionDecl *F : A.definedMethods())
        if (isNamed(*F, P.Open))
          if (const Closure *C = A.closureOf(F))
            if (const ReachedFact *R = C->first(FactKind::Acquire, Key)) {
              Line(Family.Acquired + " " + reached(*R, SM) +
                   " (opening method)");
              Acquired = true;
            }
    if (!Acquired)
      Line("acquired by no constructor and no opening method");
    // Where it is released.
    bool Released = false;
    if (DC) {
      auto ReleasesKeyAt = [&](const void *Place) {
        return llvm::any_of(DC->factsOf(Key.Member), [&](const ReachedFact *R) {
          return R->F->place() == Place && R->F->Kind == FactKind::Release &&
                 R->F->Key == Key;
        });
      };
      for (const ReachedFact *R : DC->factsOf(Key.Member)) {
        bool Other = releasedByOtherFamily(*R->F, Key, ReleasesKeyAt);
        if (R->F->Kind == FactKind::Release && R->F->Key == Key)
          Line(Family.Released + " " + reached(*R, SM));
        else if (Other)
          Line("released by another family " + reached(*R, SM));
        Released |=
            Other || (R->F->Kind == FactKind::Release && R->F->Key == Key);
      }
    }
    for (const FunctionDecl *F : A.definedMethods()) {
      if ((DC && llvm::is_contained(DC->Visited, F)) ||
          llvm::isa<CXXConstructorDecl>(F))
        continue;
      for (const Fact &Fct : A.localFacts(F))
        if (Fct.Kind == FactKind::Release && Fct.Key.sameResource(Key) &&
            (Fct.Key == Key ||
             releasedByOtherFamily(Fct, Key, [&](const void *Place) {
               return llvm::any_of(A.localFacts(F), [&](const Fact &O) {
                 return O.place() == Place && O.Kind == FactKind::Release &&
                        O.Key == Key;
               });
             }))) {
          ReachedFact R{&Fct, F, nullptr, Fct.Guarded};
          Line(Family.Released + " " + reached(R, SM) +
               (Dtor.Kind == DestructorKind::Defined
                    ? ", which the destructor does not call"
                    : ""));
          Released = true;
        }
    }
    if (!Released)
      Line(Dtor.Kind == DestructorKind::Defined
               ? "released nowhere the destructor reaches"
               : "released by no member function");
    // Ownership, constructor by constructor.
    for (const CXXConstructorDecl *Ctor : A.constructors()) {
      Line("ownership: " + ownership(A, Ctor, Key, SM));
      if (const Closure *C = A.closureOf(Ctor))
        for (const ReachedFact *R : C->factsOf(Key.Member))
          if (R->F->ExitPath && !R->Deferred &&
              R->F->Kind == FactKind::Release && R->F->Key == Key)
            Line("released on a failure path only, at " + whereFact(*R->F, SM));
    }
    if (A.mayBeReleasedOutside(Key))
      Line("may be released outside the class: by a derived class's "
           "destructor, a base class, or through a pointer to its release "
           "function");
    bool Kept = llvm::any_of(A.constructors(), [&](const auto *Ctor) {
      return A.acquires(Ctor, Key) == Acquires::Yes;
    });
    bool DestructorReleases = DC && DC->has(FactKind::Release, Key);
    if (CopyRecord) {
      bool Planned = llvm::any_of(
          CopyRecord->PlannedReleases, [&](const PlannedRelease &P) {
            return P.Pointee == Key.Pointee && llvm::equal(P.Path, M.Path) &&
                   P.Family->Id == Key.Family->Id;
          });
      bool Adopted = llvm::any_of(A.constructors(), [&](const auto *Ctor) {
        return A.leaves(Ctor, {Key.Member, false, Key.Family}) ==
               CtorLeaves::Adopted;
      });
      const char *Copies =
          CanCopy ? "; a copy would release it twice"
                  : "; the class cannot be copied, so that is safe";
      if (Kept && DestructorReleases)
        Line(std::string("verdict: owned: a constructor acquires it and the "
                         "destructor releases it") +
             Copies);
      else if (Kept && Planned)
        Line(std::string("verdict: owned: the fix-it for its leak releases it "
                         "in the destructor") +
             Copies);
      else if (Adopted && DestructorReleases)
        Line(std::string("verdict: owned: a constructor adopts it and the "
                         "destructor releases it") +
             Copies);
      else
        Line("verdict: not owned by the destructor: copying the class does "
             "not release it twice");
      continue;
    }
    // The verdict, and what the fix planner makes of it.
    std::string Verdict;
    for (size_t I = 0; I != Leaks.size(); ++I) {
      if (!(Leaks[I].Key == Key))
        continue;
      Verdict = "verdict: leak: " + Family.Acquired + " in constructor " +
                named(Leaks[I].Ctor) + ", never " + Family.Released +
                (Dtor.Kind == DestructorKind::Implicit
                     ? " (no user-declared destructor)"
                     : " in the destructor");
      if (!Family.Reported)
        Verdict += "; not reported by this check";
      else if (llvm::is_contained(Plan.Fixed, Key))
        Verdict += "; fix-it: released in the destructor";
      else if (!Plan.WhyNot[I].empty())
        Verdict += "; no fix-it: " + Plan.WhyNot[I];
      else if (!Leaks[I].ReleasedElsewhere.empty())
        Verdict += "; no fix-it: a note says where it is released";
      else
        Verdict += "; no fix-it";
    }
    for (const LifecycleLeak &L : Lifecycle)
      if (L.Key == Key) {
        FixPlan Fix = planClosingFix(A, L, Ctx);
        Verdict = "verdict: leak: " + Family.Acquired + " in " + named(L.Open) +
                  ", released neither in '" + L.Pair->Close +
                  "' nor in the destructor" +
                  (!Fix.Fixes.empty()
                       ? "; fix-it: released in '" + L.Pair->Close + "'"
                   : Fix.WhyNot.empty() ? std::string("; no fix-it")
                                        : "; no fix-it: " + Fix.WhyNot);
      }
    for (const UnacquiredRelease &U : Unacquired)
      if (U.Key == Key)
        Verdict = "verdict: released in the destructor, but constructor " +
                  named(U.Ctor) + " leaves it un" + Family.Acquired;
    for (const MismatchedRelease &Mis : Mismatched)
      if (Mis.Key == Key) {
        FixPlan Fix = planReleaseReplacement(A, Mis, Ctx);
        Verdict = "verdict: released by the wrong family at " +
                  where(Mis.Release->Site->getBeginLoc(), SM) +
                  (!Fix.Fixes.empty()
                       ? "; fix-it: replaced by " + releaseSpelling(Family)
                   : Fix.WhyNot.empty() ? std::string("; no fix-it")
                                        : "; no fix-it: " + Fix.WhyNot);
      }
    if (Verdict.empty())
      Verdict = !Kept ? "verdict: no leak: no constructor is proven to keep it"
                : DestructorReleases
                    ? "verdict: no leak: the destructor releases it"
                    : "verdict: no leak: the destructor, or code outside the "
                      "class, may release it";
    Line(Verdict);
  }
  // The other members: nothing of the check's families happens to them.
  std::string Others;
  for (const TrackedMember &M : A.members()) {
    std::string Quoted = "'" + M.spelling() + "'";
    if (llvm::none_of(Out.Rows, [&](const ExplainedCheck::Row &R) {
          return R.Member == Quoted;
        }))
      Others += (Others.empty() ? "" : ", ") + Quoted;
  }
  if (!Others.empty())
    Out.Notes.push_back((Out.Rows.empty() ? "members " : "other members ") +
                        Others +
                        ": no function of the class acquires or releases "
                        "them as a resource of its families");
  return Out;
}

namespace {

std::string code(llvm::StringRef S) { return ("``" + S + "``").str(); }

/// The names of \p Specs as a list: "``a``, ``b``", with "(argument N)"
/// after an out-parameter's index when \p Index says so.
std::string names(llvm::ArrayRef<const FunctionSpec *> Specs, bool Index) {
  std::string S;
  for (const FunctionSpec *Spec : Specs) {
    if (!S.empty())
      S += ", ";
    S += code(Spec->Name);
    if (Index && Spec->ArgIndex != 0)
      S += " (argument " + std::to_string(Spec->ArgIndex) + ")";
  }
  return S;
}

std::string acquisition(const ResourceFamily &F) {
  switch (F.AcquiredBy) {
  case AcquireForm::New:
    return code("m = new T");
  case AcquireForm::NewArray:
    return code("m = new T[n]");
  case AcquireForm::Method:
    return code("m.F()") + " for " +
           names(llvm::to_vector(
                     llvm::map_range(F.Acquire.specs(),
                                     [](const FunctionSpec &S) { return &S; })),
                 false);
  default:
    break;
  }
  llvm::SmallVector<const FunctionSpec *, 8> ByValue, OutParam;
  for (const FunctionSpec &S : F.Acquire.specs())
    (F.acquireForm(S) == AcquireForm::OutParam ? OutParam : ByValue)
        .push_back(&S);
  std::string Text;
  if (!ByValue.empty())
    Text = code("m = ") + " the value of " + names(ByValue, false);
  if (!OutParam.empty())
    Text += (Text.empty() ? "" : "; ") + code("&m") + " passed to " +
            names(OutParam, true);
  return Text;
}

std::string release(const ResourceFamily &F) {
  std::string Fn = F.Release.empty()
                       ? std::string("?")
                       : F.Release.specs().front().unqualified().str();
  std::vector<std::string> Args;
  unsigned N;
  for (llvm::StringRef Part : F.releaseArguments())
    Args.push_back(Part.consume_front("$") && !Part.getAsInteger(10, N)
                       ? "a" + std::to_string(N)
                       : std::string());
  std::string Text = code(releaseExpression(F, false, "m", Fn, Args));
  if (F.Release.specs().size() > 1) {
    llvm::SmallVector<const FunctionSpec *, 4> Others;
    for (const FunctionSpec &S : F.Release.specs().drop_front())
      Others.push_back(&S);
    Text += " (also " + names(Others, false) + ")";
  }
  if (!F.releaseNeedsAcquireArgs().empty())
    Text += ", ``aN`` the acquisition's argument N";
  return Text;
}

std::string fixIt(const ResourceFamily &F) {
  if (F.FailureLeavesUnset && !F.ReleaseNeedsNonNull && !F.ReleaseAcceptsNull)
    return "no: a failed acquisition leaves the member unset";
  std::string When;
  if (F.FailureLeavesUnset)
    When = "the member is null before the acquisition";
  if (!F.releaseNeedsAcquireArgs().empty())
    When += (When.empty() ? "" : ", and ") +
            std::string("the destructor can repeat the arguments");
  return When.empty() ? "yes" : "when " + When;
}

} // namespace

void printFamilyTable(llvm::raw_ostream &OS) {
  OS << ".. list-table::\n"
     << "   :header-rows: 1\n"
     << "   :widths: 16 12 36 20 8 8\n\n"
     << "   * - id\n     - resource\n     - acquired by\n     - released by\n"
     << "     - invalid value tested\n     - fix-it\n";
  for (const ResourceFamily &F : defaultFamilies()) {
    std::string Invalid = !F.ReleaseNeedsNonNull   ? "—"
                          : F.InvalidValue.empty() ? "null"
                                                   : code(F.InvalidValue);
    OS << "   * - " << code(F.Id) << "\n     - " << F.Name << "\n     - "
       << acquisition(F) << "\n     - " << release(F) << "\n     - " << Invalid
       << "\n     - " << fixIt(F) << "\n";
    if (F.OnlyOn != ResourceFamily::Platform::Any)
      OS << "       ("
         << (F.OnlyOn == ResourceFamily::Platform::Windows
                 ? "Windows targets only"
                 : "not on Windows targets")
         << ")\n";
  }
}

} // namespace clang::tidy::raii
