//===--- FixWriter.h - raii-tidy --------------------------------*- C++ -*-===//
//
// Rendering the fix-its FixPlanner decided on: the text of a release, and
// where it goes. A release is appended to a destructor body or a closing
// method (before the member's storage is freed), `= default` becomes a body,
// or a destructor is declared where the class has none; new member
// declarations go where a reader expects them. Every fix-it it returns
// compiles; when no place can be edited safely, it returns none and says
// why. Its refusals are FixPlanner.cpp's preconditions that depend on the
// place (numbered where they are tested): 8, the "declared before" half of
// 6, a release that cannot go before the statement freeing the storage (4),
// and a new destructor that would leave a class neither copyable nor
// movable (9).
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_FIXWRITER_H
#define RAII_TIDY_FIXWRITER_H

#include "ClassAnalysis.h"
#include "clang/Basic/Diagnostic.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
namespace tidy::raii {

/// A release of one resource, e.g. "DeleteCriticalSection(&m_cs);".
struct ReleaseStatement {
  ResourceKey Key;
  std::string Text;
  /// The function the statement calls, which must be declared before it;
  /// null for `delete` and methods.
  const FunctionDecl *Function = nullptr;
  /// Members the statement reads besides the resource (`m_heap` in
  /// `HeapFree(m_heap, 0, m_p)`): it goes before their own release.
  llvm::SmallVector<const FieldDecl *, 1> Reads;
};

/// How a family's resources are released from code of this translation
/// unit.
struct ReleaseCall {
  /// The release function: declared, taking the arguments of the family's
  /// release template (ResourceFamily::releaseArguments()). Null for
  /// `delete`, `delete[]` and methods.
  const FunctionDecl *Function = nullptr;
  /// The function or method name to write ("CloseHandle", "Term").
  std::string Spelling;
};

/// The release argument template part \p Part as written: "_", "$1".
bool isAcquireArgument(llvm::StringRef Part, unsigned &Index);

/// The release of \p Family as it can be written in this translation unit,
/// or std::nullopt if none of its release functions is declared.
std::optional<ReleaseCall> findRelease(const ResourceFamily &Family,
                                       ASTContext &Ctx);

/// The expression releasing the resource held by the lvalue \p Holder
/// ("m_p", "Element"): "CloseHandle(m_h)", "delete[] m_p", "m_cs.Term()",
/// "munmap(m_p, 4096)". \p AcquireArgs are the texts of the acquiring
/// call's arguments the template names (`$N`), indexed by N.
std::string releaseExpression(const ResourceFamily &Family, bool Pointee,
                              llvm::StringRef Holder, llvm::StringRef Spelling,
                              llvm::ArrayRef<std::string> AcquireArgs = {});

/// \p Release as a statement, tested against the family's invalid value
/// when its release must not get it: "if (m_f) fclose(m_f);",
/// "if (m_h != INVALID_HANDLE_VALUE) FindClose(m_h);".
std::string guardedRelease(const ResourceFamily &Family, llvm::StringRef Holder,
                           llvm::StringRef Release);

/// The statement releasing \p Key's resource held by \p M, or std::nullopt
/// with \p Why set when none can be written (multi-dimensional arrays, a
/// holder whose type the release function does not take). For a `void *`
/// member, \p CastType is the pointer type its acquisition cast it to
/// (Fact::CastType).
std::optional<std::string>
releaseStatement(const TrackedMember &M, const ResourceKey &Key,
                 QualType CastType, const ReleaseCall &Release,
                 llvm::ArrayRef<std::string> AcquireArgs,
                 const LangOptions &LangOpts, std::string &Why);

/// One indentation step of the code of class \p RD ("  " if unknown).
std::string indentUnit(const CXXRecordDecl &RD, const SourceManager &SM);

/// Where new public member declarations of a class go, as a reader expects
/// them: after the last public constructor declared in the class, or else at
/// the end of the class behind `public:`.
class MemberPlacement {
public:
  MemberPlacement(const CXXRecordDecl &RD, ASTContext &Ctx);

  /// False when the place is inside a macro expansion.
  bool valid() const { return Valid; }
  SourceLocation loc() const { return Loc; }
  /// The indentation of the new declarations, and the line ending to use
  /// between lines of \p Text given to insertion().
  llvm::StringRef indent() const { return Indent; }
  llvm::StringRef eol() const { return EOL; }

  /// Inserts \p Text, whose lines after the first are already indented.
  FixItHint insertion(llvm::StringRef Text) const;

private:
  const SourceManager &SM;
  SourceLocation Loc;
  bool Valid = false;
  bool NeedsPublic = false;
  bool AfterMember = false;
  std::string ClassIndent, Indent, EOL;
};

/// Where statements appended to a function body go, and how they are laid
/// out: at the start of the closing brace's line, indented like the last
/// statement, or on the brace's line.
struct AppendPoint {
  SourceLocation Loc;   ///< The insertion point.
  SourceLocation Brace; ///< The closing brace.
  std::string Indent;   ///< Before each statement; empty: on the brace's line.
  bool SpaceBefore = false; ///< On the brace's line, after a non-blank.
  std::string EOL;
  /// The text inserting \p Texts, one statement each.
  std::string text(llvm::ArrayRef<llvm::StringRef> Texts) const;
};

/// The end of \p Def's body (a function of \p RD, named \p Target in
/// messages), or std::nullopt with \p WhyNot set when it cannot take a
/// statement (precondition 8, and 3's early return).
std::optional<AppendPoint> appendPoint(const FunctionDecl &Def,
                                       const CXXRecordDecl &RD,
                                       llvm::StringRef Target,
                                       std::string &WhyNot);

class ReleaseWriter {
public:
  ReleaseWriter(ClassAnalysis &Analysis, ASTContext &Ctx);
  /// Writes into the body of \p Closing, a member function of the class
  /// defined in this translation unit (a lifecycle's `Term()`), instead of
  /// the destructor.
  ReleaseWriter(ClassAnalysis &Analysis, ASTContext &Ctx,
                const FunctionDecl &Closing);

  /// Fix-its making the destructor run \p Statements (in order), or an empty
  /// vector with \p WhyNot set.
  std::vector<FixItHint> write(llvm::ArrayRef<ReleaseStatement> Statements,
                               std::string &WhyNot);

private:
  std::vector<FixItHint> appendToBody(llvm::ArrayRef<ReleaseStatement> Stmts,
                                      std::string &WhyNot);
  /// For a destructor defined in another translation unit.
  std::vector<FixItHint>
  appendToExternal(llvm::ArrayRef<ReleaseStatement> Stmts, std::string &WhyNot);
  std::vector<FixItHint> replaceDefault(llvm::ArrayRef<ReleaseStatement> Stmts,
                                        std::string &WhyNot);
  std::vector<FixItHint> declareNew(llvm::ArrayRef<ReleaseStatement> Stmts,
                                    std::string &WhyNot);

  ClassAnalysis &A;
  ASTContext &Ctx;
  const SourceManager &SM;
  DestructorInfo Dtor;
  /// What the statements go into, in messages: "the destructor", "'Term'".
  std::string Target = "the destructor";
  SourceLocation InsertLoc; ///< For the visibility of the release function.
};

} // namespace tidy::raii
} // namespace clang

#endif // RAII_TIDY_FIXWRITER_H
