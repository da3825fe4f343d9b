//===--- CalleeSummary.h - raii-tidy ----------------------------*- C++ -*-===//
//
// Function summaries, part one: what a call does to what it is given. For a
// known API, the resource model's table says (its roles, "only uses",
// "frees storage"); for a function of the user's with a body here, its body
// does (`void CloseIt(HANDLE h) { CloseHandle(h); }` releases its
// parameter). And what calling a method does to the object it is called on
// (`delete this`). The table is data; this layer is the one place that reads
// bodies to extend it, so the model never calls back into the analysis.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_CALLEESUMMARY_H
#define RAII_TIDY_CALLEESUMMARY_H

#include "ResourceModel.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::raii {

class ProjectView;

/// What a call of a function does to its arguments.
struct CalleeSummary : ResourceModel::Callee {
  /// For a function of the user's, judged by its body: the arguments (bit I
  /// for argument I < 64) it only uses, never keeping or releasing them: it
  /// reads through them, compares or tests them, or passes them on only to
  /// functions that use them. Passing a member to it is not a hand-off.
  uint64_t OnlyUsedArgs = 0;
};

/// What functions without a body here do to their arguments, as another
/// source knows it (the project facts of a whole-program run).
class ExternalCallees {
public:
  virtual ~ExternalCallees();
  /// The summary of \p FD for \p Model, if known.
  virtual std::optional<CalleeSummary> calleeOf(const FunctionDecl &FD,
                                                const ResourceModel &Model) = 0;
};

/// The summaries of the functions a translation unit calls, for one model,
/// each computed once per translation unit. A function of the user's is
/// judged by its body (the table's built-in entries do not apply to it).
/// One exception to "whatever asked first": functions whose bodies call
/// each other see each other as doing nothing while their summaries are
/// built, so in such a cycle the summary of the one asked for second may
/// miss what the first does. The placeholder says "releases nothing, and
/// may keep what it is given", so a member passed into such a cycle counts
/// as handed off: a missed warning at worst, never a false one.
class CalleeSummaries {
public:
  explicit CalleeSummaries(const ResourceModel &Model) : Model(Model) {}
  const ResourceModel &model() const { return Model; }
  /// The summary of \p FD. (A copy: building one may add others.)
  CalleeSummary of(const FunctionDecl &FD);
  /// Drops the summaries of the translation unit.
  void forgetTranslationUnit() { Memo.clear(); }

  /// The facts of other translation units the check may use, if any
  /// (ProjectFacts.h): the summaries of functions without a body here.
  ProjectView *project() const { return Project; }
  void setProject(ProjectView *P, ExternalCallees *Callees) {
    Project = P;
    External = Callees;
  }

private:
  const ResourceModel &Model;
  ProjectView *Project = nullptr;
  ExternalCallees *External = nullptr;
  llvm::DenseMap<const FunctionDecl *, CalleeSummary> Memo;
};

/// What calling a method on an object that a pointer member points to does
/// to the object.
enum class ObjectEffect {
  None,    ///< Uses it: the body is known and never destroys the object.
  Deletes, ///< May destroy it: the body reaches `delete this`.
  Unknown, ///< May do anything: the body (or an overrider's) is not known,
           ///< or it hands `this` on.
};

/// The effect of calling \p M on an object (through the calls of its own
/// class's methods that its body makes), remembered per translation unit.
/// Independent of any model.
class ObjectEffects {
public:
  ObjectEffect of(const CXXMethodDecl &M);
  void clear() { Memo.clear(); }

private:
  llvm::DenseMap<const CXXMethodDecl *, ObjectEffect> Memo;
};

} // namespace clang::tidy::raii

#endif // RAII_TIDY_CALLEESUMMARY_H
