//===--- ResourceModel.h - raii-tidy ----------------------------*- C++ -*-===//
//
// The resource model: the table of resource families. A family says how its
// resource is acquired (an out-parameter, a returned value, `new`, a method
// called on a member object) and how it is released (a call, `delete`,
// `delete[]`, a method). Checks choose families; the class analysis only ever
// asks the table. Adding a family is a row in ResourceFamilies.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_RESOURCEMODEL_H
#define RAII_TIDY_RESOURCEMODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::raii {

/// One function of a family, as written in an option: `[::]qualified::name`,
/// optionally followed by `:N`, the index of the argument that designates the
/// resource (0 when omitted).
struct FunctionSpec {
  std::string Name;            ///< Without a leading "::".
  bool FullyQualified = false; ///< Written with a leading "::".
  unsigned ArgIndex = 0;
  /// Written with `:N`. In a family acquired by its returned value, such an
  /// acquire entry acquires through that out-parameter instead
  /// (`::posix_memalign:0`).
  bool ExplicitIndex = false;
  /// A known API's name from the built-in tables, not a user's option: a
  /// function of that name with a body in user code is judged by its body.
  bool Builtin = false;

  /// The entry as it would be written in an option.
  std::string str() const;
  /// The last component of the name: "Term" for "CComCriticalSection::Term".
  llvm::StringRef unqualified() const;
  /// True if \p FD is the function this entry names, the way clang-tidy's
  /// `hasAnyName` matches: "::f" is only the global f, "ns::f" any f whose
  /// qualified name ends in "ns::f".
  bool matches(const FunctionDecl &FD) const;
};

/// The non-empty, trimmed entries of a ';'-separated option value.
llvm::SmallVector<llvm::StringRef, 8> splitOptionList(llvm::StringRef Value);

/// Parses one function entry; std::nullopt when malformed.
std::optional<FunctionSpec> parseFunctionSpec(llvm::StringRef Entry);

/// A (possibly qualified) function name: "::f", "ns::f", "f".
std::optional<FunctionSpec> parseFunctionName(llvm::StringRef Name);

/// A set of functions, matched by name.
class FunctionSet {
public:
  /// Parses a ';'-separated option value. On a malformed entry returns
  /// std::nullopt and sets \p BadEntry to it.
  static std::optional<FunctionSet> parse(llvm::StringRef Value,
                                          std::string &BadEntry);
  /// The set of \p Specs (already validated).
  static FunctionSet of(std::vector<FunctionSpec> Specs);

  /// The index of the resource argument if \p FD is in the set.
  std::optional<unsigned> match(const FunctionDecl &FD) const;

  /// The option value that parses back to this set.
  std::string serialize() const;

  bool empty() const { return Specs.empty(); }
  llvm::ArrayRef<FunctionSpec> specs() const { return Specs; }
  /// Marks every entry as a known API's name (FunctionSpec::Builtin).
  void markBuiltin() {
    for (FunctionSpec &S : Specs)
      S.Builtin = true;
  }

private:
  std::vector<FunctionSpec> Specs;
  /// Unqualified name -> indices into Specs, so that most calls are rejected
  /// by one hash look-up without building a qualified name.
  llvm::StringMap<llvm::SmallVector<unsigned, 1>> ByName;
};

/// How a family's resource comes into a member.
enum class AcquireForm {
  OutParam,    ///< InitializeCriticalSection(&m), RegOpenKeyExW(.., &m)
  ReturnValue, ///< m = CreateEventW(..), m(malloc(n))
  New,         ///< m = new T
  NewArray,    ///< m = new T[n]
  Method,      ///< m.Init()
};

/// How a family's resource is given back.
enum class ReleaseForm {
  Call,        ///< DeleteCriticalSection(&m), CloseHandle(m)
  Delete,      ///< delete m
  DeleteArray, ///< delete[] m
  Method,      ///< m.Term()
};

/// A family of resources: how its objects are acquired and released, and
/// the words diagnostics use for it.
struct ResourceFamily {
  /// The name in the `Families` option: "win32-handle".
  std::string Id;
  /// Used in diagnostics: "critical section", "handle".
  std::string Name;
  /// Past participles used in diagnostics: "initialized", "deleted".
  std::string Acquired = "acquired";
  std::string Released = "released";

  AcquireForm AcquiredBy = AcquireForm::OutParam;
  ReleaseForm ReleasedBy = ReleaseForm::Call;
  /// For ReleaseForm::Call: the release function takes the resource's
  /// address (`pthread_mutex_destroy(&m)`) rather than its value
  /// (`CloseHandle(m)`).
  bool ReleaseTakesAddress = true;
  /// The release function must not be given the family's invalid value
  /// (`fclose(NULL)`, `FindClose(INVALID_HANDLE_VALUE)`): the statement the
  /// fix-it writes tests the member first.
  bool ReleaseNeedsNonNull = false;
  /// The value an acquisition leaves on failure, as a guard compares with
  /// it ("INVALID_HANDLE_VALUE", "MAP_FAILED", "(iconv_t)-1"); empty: the
  /// null value (a guard tests the member itself).
  std::string InvalidValue;
  /// The arguments of a release call as a fix-it writes them, when it needs
  /// more than the resource: `_` is the resource (`&_` its address), `$N`
  /// the argument N (from 0) of the acquiring call, anything else is
  /// written as it stands ("_, $1" for `munmap(p, len)`, "$0, 0, _" for
  /// `HeapFree(heap, 0, p)`). Empty: the resource alone.
  std::string ReleaseArgs;
  /// An out-parameter acquisition leaves the member as it was when it fails
  /// (`getaddrinfo`, `pthread_key_create`): a release in the destructor is
  /// right only if a constructor set the member to its null value first and
  /// the release is skipped, or harmless, for that value.
  bool FailureLeavesUnset = false;
  /// The release is a no-op on the member's null value (`free(NULL)`,
  /// `delete nullptr`): a constructor that sets the member to null leaves
  /// nothing to release, and releasing it in the destructor is right.
  bool ReleaseAcceptsNull = false;
  /// The platforms whose code the family applies to: `socket` returns a
  /// descriptor closed by `close` on POSIX, a SOCKET closed by
  /// `closesocket` on Windows.
  enum class Platform { Any, Windows, NotWindows } OnlyOn = Platform::Any;

  /// False for a family a check tracks only so that its fix-its respect it
  /// (raii-unreleased-member never frees the memory of a critical section
  /// that is still initialized) while another check reports it.
  bool Reported = true;

  /// Record or typedef names of the resource type ("CRITICAL_SECTION"). For
  /// out-parameter families a member must have this type (or be an array of
  /// it, or point to it); empty: any type.
  llvm::SmallVector<std::string, 3> TypeNames;
  /// Functions (or, for AcquireForm::Method, methods) that acquire.
  FunctionSet Acquire;
  /// Functions (or methods) that release; the first one declared in the
  /// translation unit is the one fix-its call.
  FunctionSet Release;

  /// True if \p T (through typedefs) is the family's resource type.
  bool isResourceType(QualType T) const;
  /// True if the family only tracks members of its resource type.
  bool isTyped() const { return !TypeNames.empty(); }
  /// How \p Spec (one of Acquire's) acquires (FunctionRole::Form).
  AcquireForm acquireForm(const FunctionSpec &Spec) const {
    return AcquiredBy == AcquireForm::ReturnValue && Spec.ExplicitIndex
               ? AcquireForm::OutParam
               : AcquiredBy;
  }
  /// True if a failed acquisition by \p Acquirer leaves the member as it
  /// was: FailureLeavesUnset, or an out-parameter function of a family
  /// acquired by value (`posix_memalign`).
  bool failureLeavesUnset(const FunctionDecl *Acquirer) const;
  /// How the acquisition is spelled in diagnostics: "'malloc'", "'new[]'".
  std::string acquireSpelling(const FunctionDecl *Acquirer) const;
  /// The parts of ReleaseArgs (or "_"/"&_" when it is empty), trimmed.
  llvm::SmallVector<llvm::StringRef, 4> releaseArguments() const;
  /// The index of the resource among releaseArguments().
  unsigned releaseResourceIndex() const;
  /// The acquiring call's arguments that releaseArguments() name (`$N`).
  llvm::SmallVector<unsigned, 2> releaseNeedsAcquireArgs() const;
};

/// What a function does to a resource of one family.
enum class RoleKind { Acquire, Release };

struct FunctionRole {
  const ResourceFamily *Family;
  RoleKind Kind;
  unsigned ArgIndex; ///< Meaningless for methods and returned values.
  /// For a function of the user's that acquires through the table's API
  /// (a wrapper, a factory): the API call or new-expression in its body,
  /// or in the body of a function it calls.
  const Stmt *Via = nullptr;
  /// For an acquisition, how this function acquires: usually the family's
  /// form, but a factory returns a fresh resource of a family acquired by
  /// `new` (`return new T`), and a family acquired by its returned value may
  /// have functions that acquire through an out-parameter
  /// (`posix_memalign(&p, ..)`).
  AcquireForm Form = AcquireForm::OutParam;
};

/// The acquisition rules, written once for members and variables alike:
/// True if a call with role \p R acquires a resource of its family into
/// storage holding a \p Resource (a typed family acquires only its type).
bool acquiresOfType(const FunctionRole &R, QualType Resource);
/// True if the value a call with role \p R returns, stored in a holder of
/// type \p Holder, is a resource of its family (`h = CreateEventW(..)`).
bool acquiresByValue(const FunctionRole &R, QualType Holder);

/// The families one check tracks, indexed for the analysis: one hash look-up
/// per call finds every role of the callee in every family.
class ResourceModel {
public:
  explicit ResourceModel(std::vector<ResourceFamily> Families);
  ResourceModel(ResourceModel &&) = default;

  llvm::ArrayRef<ResourceFamily> families() const { return Families; }

  /// Classes whose derived classes have their own `FinalRelease()` called
  /// before the destructor (ATL's `CComObjectRootEx`: `CComObject<T>`'s
  /// destructor calls `T::FinalRelease()`), by unqualified name; the
  /// FinalReleaseBases option.
  std::vector<std::string> FinalReleaseBases;

  /// What the model knows about a function or method.
  struct Callee {
    /// Its roles in the families that apply to its translation unit's
    /// target.
    llvm::SmallVector<FunctionRole, 2> Roles;
    /// It only uses a resource passed to it, never taking it over
    /// (`EnterCriticalSection`, `WaitForSingleObject`, `fprintf`).
    bool Use = false;
    /// It frees the heap storage its argument at this index points to
    /// (storageFreeFunctions()).
    std::optional<unsigned> FreesArg;
    /// It releases its argument at this index and returns its resource
    /// anew (`realloc`): `q = realloc(p, n)` releases `p`.
    std::optional<unsigned> ReallocArg;
  };
  /// What the table says of a function or method. A function with a body
  /// in user code is judged by its body (CalleeSummaries): the table's
  /// built-in entries do not apply to it.
  Callee lookup(const FunctionDecl &FD) const;
  llvm::SmallVector<FunctionRole, 2> rolesOf(const FunctionDecl &FD) const {
    return lookup(FD).Roles;
  }
  /// The family a member of type \p T belongs to by its type, if any.
  const ResourceFamily *typedFamilyOf(QualType T) const;
  /// Drops what lookup() and typedFamilyOf() remember about the
  /// declarations and types of a translation unit. Call before analysing
  /// another one.
  void forgetTranslationUnit() const {
    Callees.clear();
    TypedFamilies.clear();
  }
  /// An entry of an option that names a declared function whose parameters
  /// do not reach the entry's argument index
  /// (`::InitializeCriticalSection:5`): it matches nothing.
  struct ArgumentMisfit {
    const ResourceFamily *Family;
    RoleKind Kind;
    const FunctionSpec *Spec;
    const FunctionDecl *Decl;
  };
  /// The misfits lookup() met since the last call, each entry once in the
  /// model's life. Entries of the built-in tables are never misfits.
  /// Looks up the functions that the user's fully qualified entries with an
  /// argument index name, and notes those that cannot have the argument;
  /// lookup() notes the others when it meets them.
  void findDeclaredMisfits(const ASTContext &Ctx) const;
  std::vector<ArgumentMisfit> takeArgumentMisfits() const {
    return std::exchange(Misfits, {});
  }
  /// The families acquired by `new` and `new[]`, if tracked.
  const ResourceFamily *newFamily(bool Array) const {
    return Array ? NewArray : New;
  }
  /// The families released by `delete` and `delete[]`, if tracked.
  const ResourceFamily *deleteFamily(bool Array) const {
    return Array ? DeleteArray : Delete;
  }

private:
  std::vector<ResourceFamily> Families;
  struct Entry {
    unsigned Family;
    RoleKind Kind;
    unsigned Spec; ///< Index into the family's Acquire or Release specs.
  };
  llvm::StringMap<llvm::SmallVector<Entry, 2>> ByName;
  FunctionSet Uses;
  const ResourceFamily *New = nullptr, *NewArray = nullptr;
  const ResourceFamily *Delete = nullptr, *DeleteArray = nullptr;
  /// Memos of one translation unit: the same functions are called and the
  /// same member types declared in class after class. (A model belongs to
  /// one check object, which clang-tidy and clangd use on one thread.)
  mutable llvm::DenseMap<const FunctionDecl *, Callee> Callees;
  mutable llvm::DenseMap<void *, const ResourceFamily *> TypedFamilies;
  void noteMisfit(const ResourceFamily &Fam, RoleKind Kind,
                  const FunctionSpec &Spec, const FunctionDecl &FD) const;
  mutable std::vector<ArgumentMisfit> Misfits;
  mutable llvm::SmallPtrSet<const FunctionSpec *, 2> MisfitSpecs;
};

/// Member-method pairs of two-phase objects (Lifecycle.h judges them).
/// One pair of the LifecyclePairs option: "Open:Close", "Init:~" (the
/// destructor closes), "FinalConstruct:FinalRelease:once".
struct LifecyclePair {
  std::string Open;
  std::string Close; ///< Empty: only the destructor closes.
  /// The closing method runs once, and only after the opening one (ATL
  /// calls FinalRelease once, after FinalConstruct): a release written into
  /// it cannot act on an unacquired resource or run twice.
  bool Once = false;
};

/// The default value of LifecyclePairs.
extern const char DefaultLifecyclePairs[];

/// Parses a LifecyclePairs value; on a malformed entry returns std::nullopt
/// and sets \p BadEntry and \p Why.
std::optional<std::vector<LifecyclePair>>
parseLifecyclePairs(llvm::StringRef Value, std::string &BadEntry,
                    std::string &Why);

/// Functions that free heap storage (`free`, `HeapFree`, ...), so that a
/// release is written before the storage of a heap resource is given back.
const FunctionSet &storageFreeFunctions();

/// Functions that release the block their argument points to and return a
/// new one (`realloc`).
const FunctionSet &reallocFunctions();

/// The Win32 critical section family with its default function lists.
ResourceFamily criticalSectionFamily();

/// The default families of raii-unreleased-member, in table order.
const std::vector<ResourceFamily> &defaultFamilies();

/// Checks a release argument template (ResourceFamily::ReleaseArgs): one
/// `_` or `&_`, `$N` placeholders, and no `*`. Returns "" or why not.
std::string checkReleaseArgs(llvm::StringRef Args);

/// Functions whose value is the same on every call in a process
/// (`GetProcessHeap`): a release may call them again in the destructor.
const FunctionSet &stableValueFunctions();

/// Parses a user-defined family written in the `CustomFamilies` syntax:
///   `name: acquire pattern [, acquire pattern...] -> release pattern`
/// where `_` stands for the resource: `_ = lib::Open()`,
/// `lib::Init(*, &_)`, `_ = new`, `_ = new[]`, `_.lib::Pool::Attach()`;
/// `lib::Close(_)`, `lib::Free(&_)`, `delete _`, `delete[] _`,
/// `_.lib::Pool::Detach()`. On error returns std::nullopt with \p Why set.
std::optional<ResourceFamily> parseFamily(llvm::StringRef Entry,
                                          std::string &Why);

/// Default option values of the critical section family.
extern const char DefaultCriticalSectionInitFunctions[];
extern const char DefaultCriticalSectionDeleteFunctions[];

} // namespace clang::tidy::raii

#endif // RAII_TIDY_RESOURCEMODEL_H
