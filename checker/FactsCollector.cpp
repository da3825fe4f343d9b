//===--- FactsCollector.cpp - raii-tidy -----------------------------------===//

#include "FactsCollector.h"
#include "ClassAnalysis.h"
#include "CopyOperations.h"
#include "FixWriter.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>

namespace clang::tidy::raii {

std::string modelFingerprint(const ResourceModel &Model) {
  std::string Text;
  for (const ResourceFamily &F : Model.families())
    Text += F.Id + "\n" + F.Acquire.serialize() + "\n" + F.Release.serialize() +
            "\n" + F.ReleaseArgs + "\n" + (F.Reported ? "1" : "0") + "\n";
  return hexHash(Text);
}

FactsCollector::FactsCollector(ASTContext &Ctx) : Ctx(Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  FactPlace Main = placeOf(SM.getLocForStartOfFile(SM.getMainFileID()), SM);
  if (!Main.File.empty()) {
    File.TUs.push_back(Main.File);
    noteFile(Main.File);
  }
}

void FactsCollector::noteFile(const std::string &Path) {
  if (!Path.empty() && !File.Files.count(Path))
    File.Files[Path] = contentHash(Path);
}

namespace {

/// \p F as stored: its member by name, its family by id, its place.
StoredFact storedFact(const Fact &F, const MemberTable &Members,
                      const SourceManager &SM) {
  StoredFact S;
  S.Kind = F.Kind;
  S.Member = memberKey(Members[F.Key.Member]);
  S.Pointee = F.Key.Pointee;
  if (F.Key.Family) {
    S.Family = F.Key.Family->Id;
    S.UnsetOnFailure = F.Key.Family->failureLeavesUnset(F.Callee);
  }
  S.Guarded = F.Guarded;
  S.ExitPath = F.ExitPath;
  if (F.Callee)
    S.Callee = F.Callee->getNameAsString();
  S.Place = placeOf(F.Site->getBeginLoc(), SM);
  if (!F.CastType.isNull())
    S.Cast = F.CastType.getAsString();
  if (const auto *New = llvm::dyn_cast<CXXNewExpr>(F.Site))
    S.Allocated = New->getAllocatedType()
                      .getCanonicalType()
                      .getUnqualifiedType()
                      .getAsString();
  return S;
}

/// Where statements appended to \p Dtor go, and which of \p Model's
/// release functions are declared before that place.
std::optional<StoredAppend> storedAppend(const FunctionDecl &Dtor,
                                         const CXXRecordDecl &RD,
                                         const ResourceModel &Model,
                                         ASTContext &Ctx) {
  std::string WhyNot;
  std::optional<AppendPoint> P =
      appendPoint(Dtor, RD, "the destructor", WhyNot);
  if (!P)
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  StoredAppend A;
  A.Place = placeOf(P->Loc, SM);
  A.Indent = P->Indent;
  A.SpaceBefore = P->SpaceBefore;
  A.EOL = P->EOL;
  for (const ResourceFamily &F : Model.families()) {
    std::optional<ReleaseCall> Release = findRelease(F, Ctx);
    if (!Release)
      continue;
    if (!Release->Function ||
        llvm::any_of(Release->Function->redecls(), [&](const FunctionDecl *D) {
          return SM.isBeforeInTranslationUnit(D->getLocation(), P->Brace);
        }))
      A.Declared.push_back(F.Id);
  }
  return A;
}

} // namespace

void FactsCollector::addCheck(llvm::StringRef Check,
                              const ResourceModel &Model) {
  File.Checks[Check.str()][modelFingerprint(Model)];
}

void FactsCollector::addClass(const CXXRecordDecl &RD, ClassBodies &Bodies,
                              CalleeSummaries &Callees, llvm::StringRef Check) {
  ClassAnalysis A(RD, Callees, Bodies);
  if (!A.mayHoldResources())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  CheckFacts &Facts =
      File.Checks[Check.str()][modelFingerprint(Callees.model())];
  auto InMainFile = [&](const Decl &D) {
    return SM.isInMainFile(SM.getExpansionLoc(D.getLocation()));
  };
  for (const FunctionDecl *F : A.definedMethods()) {
    if (!InMainFile(*F))
      continue;
    const FunctionSummary &S = A.summaryOf(F);
    StoredFunction SF;
    SF.Name = F->getQualifiedNameAsString();
    SF.Place = placeOf(F->getLocation(), SM);
    SF.IndirectCall = S.IndirectCall;
    SF.HandsOffThis = S.HandsOffThis;
    for (const Fact &Fct : S.Facts) {
      SF.Facts.push_back(storedFact(Fct, A.memberTable(), SM));
      noteFile(SF.Facts.back().Place.File);
    }
    for (const MethodCall &Call : S.Calls)
      SF.Calls.push_back({usrOf(*Call.Callee->getCanonicalDecl()), Call.Guarded,
                          Call.Deferred,
                          placeOf(Call.Site->getBeginLoc(), SM)});
    for (const ResourceFamily *Family : S.ReleaseAddressTaken)
      SF.ReleaseAddressTaken.push_back(Family->Id);
    if (llvm::isa<CXXDestructorDecl>(F))
      SF.Append = storedAppend(*F, RD, Callees.model(), Ctx);
    noteFile(SF.Place.File);
    Facts.Functions[usrOf(*F->getCanonicalDecl())] = std::move(SF);
  }
  // What the destructors of derived classes defined here do to RD's
  // members, for RD's translation units that do not see them.
  std::string Base = usrOf(RD);
  for (const DerivedDestructor &D : A.derivedDestructors()) {
    if (!InMainFile(*D.Destructor))
      continue;
    StoredDerived SD;
    SD.Name = D.Class->getQualifiedNameAsString();
    SD.Place = placeOf(D.Destructor->getLocation(), SM);
    SD.Opaque = D.Effects->Opaque;
    for (const ReachedFact &R : D.Effects->Facts) {
      std::string Member = memberKey(A.members()[R.F->Key.Member]);
      FactKind K = R.F->Kind;
      // Whatever a lambda or an indirect call may do counts as an escape
      // (Closure::escapes()).
      if (R.Deferred && K != FactKind::Acquire && K != FactKind::Null)
        K = FactKind::Escape;
      if (K != FactKind::Release && K != FactKind::Escape &&
          K != FactKind::Free)
        continue;
      if (K == FactKind::Release && !R.F->Key.Family)
        continue;
      std::string E =
          derivedEffect(K, Member, R.F->Key.Pointee,
                        K == FactKind::Release ? R.F->Key.Family->Id : "");
      if (!llvm::is_contained(SD.Effects, E))
        SD.Effects.push_back(std::move(E));
    }
    llvm::sort(SD.Effects);
    noteFile(SD.Place.File);
    Facts.Derived[Base].push_back(std::move(SD));
  }
}

void FactsCollector::addFreeFunctions(
    llvm::ArrayRef<const FunctionDecl *> Functions, CalleeSummaries &Callees,
    llvm::StringRef Check) {
  const SourceManager &SM = Ctx.getSourceManager();
  CheckFacts &Facts =
      File.Checks[Check.str()][modelFingerprint(Callees.model())];
  for (const FunctionDecl *FD : Functions) {
    if (!SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())) ||
        FD->isTemplated() || !FD->isExternallyVisible())
      continue;
    CalleeSummary S = Callees.of(*FD);
    // A function that neither acquires nor releases and only uses none of
    // its arguments is what an unknown one is: nothing to record.
    if (S.Roles.empty() && !S.OnlyUsedArgs)
      continue;
    StoredCallee C;
    C.OnlyUsedArgs = S.OnlyUsedArgs;
    for (const FunctionRole &R : S.Roles)
      C.Roles.push_back({R.Family->Id, R.Kind, R.ArgIndex, R.Form});
    StoredFunction SF;
    SF.Name = FD->getQualifiedNameAsString();
    SF.Place = placeOf(FD->getLocation(), SM);
    SF.Callee = std::move(C);
    noteFile(SF.Place.File);
    Facts.Functions[usrOf(*FD->getCanonicalDecl())] = std::move(SF);
  }
}

void FactsCollector::addCopyCandidate(const CXXRecordDecl &RD) {
  if (RD.isDependentContext())
    return;
  // Implicit moves too (of a class whose destructor a leak's fix-it may
  // declare): declaring the copy operations deleted removes them.
  if (implicitMoveUsed(RD)) {
    CopyCandidates.push_back(&RD);
    return;
  }
  if (!RD.hasUserDeclaredDestructor())
    return;
  CopyOperation Ctor = copyConstructor(RD), Assign = copyAssignment(RD);
  if (Ctor.Used || Assign.Used)
    CopyCandidates.push_back(&RD);
}

namespace {

/// Finds the copies of some classes in the user's code.
class CopyFinder : public RecursiveASTVisitor<CopyFinder> {
public:
  CopyFinder(const SourceManager &SM,
             llvm::ArrayRef<const CXXRecordDecl *> Classes)
      : SM(SM), Classes(Classes) {}

  bool TraverseDecl(Decl *D) {
    if (D && !llvm::isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (Ctor && Ctor->isCopyConstructor())
      note(Ctor->getParent(), "copy constructor", E->getBeginLoc());
    else if (Ctor && Ctor->isMoveConstructor() && Ctor->isImplicit())
      note(Ctor->getParent(), "move constructor", E->getBeginLoc());
    return true;
  }
  bool VisitCallExpr(CallExpr *E) {
    const auto *M = llvm::dyn_cast_or_null<CXXMethodDecl>(E->getDirectCallee());
    if (M && M->isCopyAssignmentOperator())
      note(M->getParent(), "copy assignment", E->getBeginLoc());
    else if (M && M->isMoveAssignmentOperator() && M->isImplicit())
      note(M->getParent(), "move assignment", E->getBeginLoc());
    return true;
  }

  /// The copies found, by class.
  llvm::DenseMap<const CXXRecordDecl *,
                 std::vector<std::pair<const char *, SourceLocation>>>
      Found;

private:
  void note(const CXXRecordDecl *RD, const char *Operation,
            SourceLocation Loc) {
    RD = RD ? RD->getDefinition() : nullptr;
    if (RD && llvm::is_contained(Classes, RD))
      Found[RD].push_back({Operation, Loc});
  }

  const SourceManager &SM;
  llvm::ArrayRef<const CXXRecordDecl *> Classes;
};

} // namespace

void FactsCollector::addCopies() {
  if (CopyCandidates.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  CopyFinder Finder(SM, CopyCandidates);
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const CXXRecordDecl *RD : CopyCandidates) {
    std::vector<StoredCopy> &Copies = File.Copies[usrOf(*RD)];
    for (const auto &[Operation, Loc] : Finder.Found.lookup(RD)) {
      // The first of each operation: a message names one.
      if (llvm::any_of(Copies, [Op = Operation](const StoredCopy &C) {
            return C.Operation == Op;
          }))
        continue;
      StoredCopy C{Operation, placeOf(Loc, SM)};
      noteFile(C.Place.File);
      Copies.push_back(std::move(C));
    }
    if (Copies.empty()) {
      // Only implicit code copies or moves it (a class holding it is
      // copied): the translation unit is the place.
      StoredCopy C{
          implicitMoveUsed(*RD) ? "move constructor" : "copy constructor", {}};
      C.Place.File = File.TUs.empty() ? "" : File.TUs.front();
      Copies.push_back(std::move(C));
    }
  }
}

bool FactsCollector::write(llvm::StringRef Dir, std::string &Error) {
  addCopies();
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error = "cannot create directory '" + Dir.str() + "': " + EC.message();
    return false;
  }
  std::string Main = File.TUs.empty() ? "stdin" : File.TUs.front();
  // A file the compilation database compiles twice (with other flags) is
  // two translation units of one clang-tidy process: two facts files.
  static std::mutex M;
  static llvm::StringMap<unsigned> Written;
  unsigned Nth;
  {
    std::lock_guard<std::mutex> Lock(M);
    Nth = ++Written[Main];
  }
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, llvm::sys::path::filename(Main) + "-" +
                                    hexHash(Main) +
                                    (Nth > 1 ? "-" + std::to_string(Nth) : "") +
                                    ".raii-facts.json");
  // Written whole to a temporary file, then renamed: a reader never sees
  // half a file.
  std::string Temp = (Path + ".tmp").str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Temp, EC);
    if (EC) {
      Error = "cannot write '" + Temp + "': " + EC.message();
      return false;
    }
    OS << File.toJSON() << "\n";
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    Error = "cannot write '" + Path.str().str() + "': " + EC.message();
    return false;
  }
  return true;
}

} // namespace clang::tidy::raii
