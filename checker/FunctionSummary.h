//===--- FunctionSummary.h - raii-tidy --------------------------*- C++ -*-===//
//
// Function summaries, part three: what one function body does to the
// tracked members of its class, for one model, as facts (acquired,
// released, freed, handed off, set to null, taken over, adopted). A summary
// is a value computed from the body's walk, the member table and the callee
// summaries alone: it does not depend on which class is being judged or on
// which summary was asked for first.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_FUNCTIONSUMMARY_H
#define RAII_TIDY_FUNCTIONSUMMARY_H

#include "BodyWalk.h"
#include "CalleeSummary.h"
#include "MemberTable.h"

namespace clang::tidy::raii {

struct StoredFact;

enum class FactKind {
  Acquire,  ///< Acquired for a family.
  Release,  ///< Released by a family's release.
  Free,     ///< Its storage is freed (`delete m_p`, `free(m_p)`,
            ///< `m_p->release()` reaching `delete this`).
  Escape,   ///< Passed to some other function or stored elsewhere.
  Null,     ///< Set to its null value (`m_p = nullptr`, `m_fd(-1)`).
  TakeOver, ///< Takes over another object's resource (`p_(o.p_)`).
  Adopt,    ///< Stores a parameter (`h_(h)`): what the caller hands in.
};

/// One thing a function body does to a tracked member.
struct Fact {
  FactKind Kind;
  ResourceKey Key;  ///< Family is null for Free and Escape.
  const Stmt *Site; ///< The call, assignment, new- or delete-expression.
  bool Guarded;     ///< Inside an if, ?:, &&, ||, switch or catch.
  /// The function or method called to acquire or release, if any.
  const FunctionDecl *Callee = nullptr;
  /// On a branch that leaves the function (`throw`, `return`): a
  /// constructor's cleanup after a failure.
  bool ExitPath = false;
  /// For an acquisition of what a `void *` member points to by a typed
  /// family, the pointer type the call casts the member to
  /// (`InitializeCriticalSection((LPCRITICAL_SECTION)m_cs)`): a release
  /// casts it the same way.
  QualType CastType = QualType();
  /// For an acquisition through a function of the user's (a wrapper, a
  /// factory): the API call or new-expression in its body (FunctionRole::Via).
  const Stmt *Via = nullptr;
  /// For a fact of a function defined in another translation unit (known
  /// from project facts, ProjectFacts.h): the stored fact. Site is then null.
  const StoredFact *Stored = nullptr;

  /// What tells two facts' places apart: the statement, or the stored fact.
  const void *place() const {
    return Site ? static_cast<const void *>(Site) : Stored;
  }
};

/// What one function body does to the members of its class, for one model:
/// a value, computed from the body's walk, the member table and the callee
/// summaries.
struct FunctionSummary {
  llvm::SmallVector<Fact, 4> Facts;
  llvm::ArrayRef<MethodCall> Calls;
  bool IndirectCall = false;
  /// Hands the whole object (`this`, `*this`) to a function outside the
  /// class, such as a friend, which may do anything to its members.
  bool HandsOffThis = false;
  /// Families whose release function this body refers to without calling
  /// it (its address is taken).
  llvm::SmallVector<const ResourceFamily *, 1> ReleaseAddressTaken;

  /// Prints the facts, one per line (debug output).
  void dump(const MemberTable &Members, const SourceManager &SM,
            llvm::raw_ostream &OS) const;
};

/// "acquire", "escape", ...: \p K as debug output names it.
const char *factKindName(FactKind K);
/// The kind factKindName() names \p Name, if any.
std::optional<FactKind> factKindNamed(llvm::StringRef Name);

/// The summary of the body walked as \p W, a function of \p RD whose
/// tracked members are \p Members.
FunctionSummary summarize(const BodyWalk &W, const CXXRecordDecl &RD,
                          const MemberTable &Members, CalleeSummaries &Callees,
                          ObjectEffects &Objects);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_FUNCTIONSUMMARY_H
