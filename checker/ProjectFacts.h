//===--- ProjectFacts.h - raii-tidy -----------------------------*- C++ -*-===//
//
// Function summaries, part four: the summaries of other translation units,
// as data. A collect run (option CollectFacts) writes, per translation unit,
// what each member function defined in its main file does to the members of
// its class (FunctionSummary, with members named by spelling, families by id
// and places by file, line and column), what derived destructors do to their
// bases' members, and where owner classes are copied; keyed by USR. A merge
// (raii-tidy-project) joins them; a check run (option ProjectFacts) reads the
// merged file and gives a class's analysis the summaries of the functions it
// cannot see. Facts whose file changed since they were collected are not
// used: those functions stay unknown, as without facts. The format is
// documented in docs/whole-program.md; FactsVersion changes with it.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_PROJECTFACTS_H
#define RAII_TIDY_PROJECTFACTS_H

#include "FunctionSummary.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::raii {

/// The version of the facts format this raii-tidy writes and reads.
constexpr unsigned FactsVersion = 1;

/// A place in a file of the project.
struct FactPlace {
  std::string File; ///< Absolute, normalized.
  unsigned Line = 0, Column = 0;
};

/// A Fact of a function of another translation unit.
struct StoredFact {
  FactKind Kind = FactKind::Escape;
  std::string Member; ///< MemberKey() of the member.
  bool Pointee = false;
  std::string Family; ///< Family id; empty for Free and Escape.
  bool Guarded = false;
  bool ExitPath = false;
  std::string Callee; ///< The acquiring or releasing function, if any.
  FactPlace Place;
  /// What a release written for an acquisition needs to know of it: the
  /// pointer type a `void *` member is cast to, the type `new` allocates
  /// (canonical), whether a failure leaves the member unset.
  std::string Cast;
  std::string Allocated;
  bool UnsetOnFailure = false;
};

/// A call of a member function of the class on `this`.
struct StoredCall {
  std::string Callee; ///< USR.
  bool Guarded = false;
  bool Deferred = false;
  FactPlace Place;
};

/// Where a destructor defined in another translation unit takes a release
/// written at the end of its body: what ReleaseWriter would write there.
struct StoredAppend {
  FactPlace Place;    ///< The insertion point.
  std::string Indent; ///< Before each statement; empty: on the brace's line.
  bool SpaceBefore = false; ///< On the brace's line, after a non-blank.
  std::string EOL;
  /// Families whose release function is declared before the insertion.
  std::vector<std::string> Declared;
};

/// What a free function defined in another translation unit does to its
/// arguments (CalleeSummary): a wrapper, a factory, a release helper.
struct StoredCallee {
  struct Role {
    std::string Family; ///< Family id.
    RoleKind Kind = RoleKind::Acquire;
    unsigned Arg = 0;
    AcquireForm Form = AcquireForm::OutParam;
  };
  std::vector<Role> Roles;
  uint64_t OnlyUsedArgs = 0;
};

/// What one function defined in another translation unit does.
struct StoredFunction {
  std::string Name; ///< Qualified, for messages.
  FactPlace Place;  ///< Its definition.
  bool IndirectCall = false;
  bool HandsOffThis = false;
  std::vector<StoredFact> Facts;
  std::vector<StoredCall> Calls;
  std::vector<std::string> ReleaseAddressTaken; ///< Family ids.
  /// For a destructor whose end can take a release.
  std::optional<StoredAppend> Append;
  /// For a free function: what it does to its arguments (its facts and
  /// calls are empty).
  std::optional<StoredCallee> Callee;
};

/// What the destructor of a class derived from a class (in another
/// translation unit) may do to the base's members.
struct StoredDerived {
  std::string Name; ///< The derived class, qualified.
  FactPlace Place;  ///< Its destructor.
  bool Opaque = false;
  std::vector<std::string> Effects; ///< derivedEffect()s.
};

/// How StoredDerived::Effects names a release (of \p Family), escape or
/// free of \p Member: "release:<member>:<pointee 0/1>:<family>",
/// "escape:<member>", "free:<member>".
std::string derivedEffect(FactKind Kind, llvm::StringRef Member, bool Pointee,
                          llvm::StringRef Family);

/// A copy of a class by its copy constructor or copy assignment operator,
/// or a move by an implicit move operation (which declaring the copy
/// operations would remove).
struct StoredCopy {
  /// "copy constructor", "copy assignment", "move constructor" or "move
  /// assignment".
  std::string Operation;
  FactPlace Place; ///< Line 0 when implicit code copies it.

  bool isMove() const { return llvm::StringRef(Operation).starts_with("move"); }
};

/// What a check's collect run learnt, for one set of its options.
struct CheckFacts {
  std::map<std::string, StoredFunction> Functions;           ///< By USR.
  std::map<std::string, std::vector<StoredDerived>> Derived; ///< By base USR.
};

/// A facts file: of one translation unit, or merged.
struct FactsFile {
  std::vector<std::string> TUs;
  std::map<std::string, std::string> Files; ///< Path to content hash.
  /// By check name, then options fingerprint.
  std::map<std::string, std::map<std::string, CheckFacts>> Checks;
  std::map<std::string, std::vector<StoredCopy>> Copies; ///< By class USR.

  llvm::json::Value toJSON() const;
};

/// The 16 hex digits of the hash facts use for \p Data (xxh3, 64 bits).
std::string hexHash(llvm::StringRef Data);
/// The USR of \p D, or empty.
std::string usrOf(const Decl &D);
/// The content hash of \p Path as facts record it, or empty when it cannot
/// be read. Remembered per process and file modification time.
std::string contentHash(llvm::StringRef Path);
/// How a fact names \p M: its spelling, and the base that declares an
/// inherited one.
std::string memberKey(const TrackedMember &M);
/// \p Loc's file (absolute, normalized), line and column.
FactPlace placeOf(SourceLocation Loc, const SourceManager &SM);
/// \p Place as a location of \p SM (its file is loaded when needed), or an
/// invalid location.
SourceLocation locationOf(const FactPlace &Place, SourceManager &SM);
/// Where \p F is: its statement, or its stored place.
SourceLocation factLocation(const Fact &F, SourceManager &SM);
/// "b.cpp:12", relative to the main file's directory when below it.
std::string describePlace(const FactPlace &Place, const SourceManager &SM);

/// A merged facts file loaded for checks, shared by the checks of a process
/// and reloaded when the file changes.
///
/// A project's merged file holds the summaries of every function (megabytes
/// for a few hundred translation units), while one translation unit needs
/// those of its classes: loading indexes where each function's and each
/// derived list's JSON is (one scan of the text, which also finds a file
/// that is not well-formed), and parses one only when a check asks for it.
class ProjectFacts {
public:
  /// The facts in \p Path; null with \p Error saying why.
  static std::shared_ptr<const ProjectFacts> load(llvm::StringRef Path,
                                                  std::string &Error);
  ~ProjectFacts();
  std::string path() const { return Path; }

  /// Where the sections of one check and options fingerprint are.
  struct Section;
  /// The section of \p Check collected with options \p Fingerprint, or null.
  const Section *section(llvm::StringRef Check,
                         llvm::StringRef Fingerprint) const;
  /// The stored function \p USR of \p S, or null (also when its JSON does
  /// not read as one).
  const StoredFunction *function(const Section &S, llvm::StringRef USR) const;
  /// What derived destructors do to the members of the class \p USR.
  llvm::ArrayRef<StoredDerived> derived(const Section &S,
                                        llvm::StringRef USR) const;
  /// Where the class \p USR is copied.
  llvm::ArrayRef<StoredCopy> copies(llvm::StringRef USR) const;
  /// The content hash recorded for \p File, or empty.
  llvm::StringRef hashOf(llvm::StringRef File) const;

private:
  struct Index;
  std::string Path;
  std::unique_ptr<Index> I;
};

/// The facts one check may use in one translation unit: those collected with
/// its options, from files that have not changed since.
class ProjectView : public ExternalCallees {
public:
  ProjectView(std::shared_ptr<const ProjectFacts> Facts, llvm::StringRef Check,
              llvm::StringRef Fingerprint);

  /// The stored summary of \p FD, a function without a body here; null when
  /// there is none or its file changed (then \p Stale, if given, is set).
  const StoredFunction *function(const FunctionDecl &FD, bool *Stale = nullptr);
  /// What derived destructors elsewhere do to \p RD's members.
  llvm::ArrayRef<StoredDerived> derivedFrom(const CXXRecordDecl &RD);
  /// What the free function \p FD, defined elsewhere, does to its
  /// arguments, for \p Model.
  std::optional<CalleeSummary> calleeOf(const FunctionDecl &FD,
                                        const ResourceModel &Model) override;
  /// Where \p RD is copied, or std::nullopt when the facts cannot say (a file
  /// holding a copy changed).
  std::optional<std::vector<StoredCopy>> copiesOf(const CXXRecordDecl &RD);
  /// True if a member function of \p RD without a body here acquires
  /// something, as far as its stored summary says.
  bool mayAcquire(const CXXRecordDecl &RD);
  /// True if the facts hold no section for the check's options.
  bool otherOptions() const { return !Sect; }
  /// The files met whose facts were not used because they changed, each
  /// once per translation unit.
  std::vector<std::string> takeStale() { return std::exchange(Stale, {}); }

private:
  /// True if \p File is as it was when its facts were collected.
  bool current(const std::string &File);

  std::shared_ptr<const ProjectFacts> Facts;
  const ProjectFacts::Section *Sect = nullptr;
  llvm::StringMap<bool> Current;
  std::vector<std::string> Stale;
};

/// The summary \p SF describes, of a function of \p RD whose tracked members
/// are \p Members, for \p Model; \p MethodOf finds a member function of the
/// class by USR. What cannot be resolved (a member or family that is no
/// longer there) makes the summary opaque.
FunctionSummary resolveStoredFunction(
    const StoredFunction &SF, const MemberTable &Members,
    const ResourceModel &Model,
    llvm::function_ref<const FunctionDecl *(llvm::StringRef)> MethodOf,
    std::vector<MethodCall> &CallStorage);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_PROJECTFACTS_H
