//===--- ResourceModel.h - raii-tidy ----------------------------*- C++ -*-===//
//
// The resource model: which functions acquire, release, use or free a
// resource, and which types hold one. Checks describe a resource family as
// data; the class analysis only ever asks this table.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_RESOURCEMODEL_H
#define RAII_TIDY_RESOURCEMODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
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

  /// The entry as it would be written in an option.
  std::string str() const;
};

/// A set of functions, matched by name the way clang-tidy's `hasAnyName`
/// matches: "::f" is only the global f, "ns::f" any f whose qualified name
/// ends in "ns::f".
class FunctionSet {
public:
  /// Parses a ';'-separated option value. On a malformed entry returns
  /// std::nullopt and sets \p BadEntry to it.
  static std::optional<FunctionSet> parse(llvm::StringRef Value,
                                          std::string &BadEntry);

  /// The index of the resource argument if \p FD is in the set.
  std::optional<unsigned> match(const FunctionDecl &FD) const;

  /// The option value that parses back to this set.
  std::string serialize() const;

  bool empty() const { return Specs.empty(); }
  llvm::ArrayRef<FunctionSpec> specs() const { return Specs; }

private:
  std::vector<FunctionSpec> Specs;
  /// Unqualified name -> indices into Specs, so that most calls are rejected
  /// by one hash look-up without building a qualified name.
  llvm::StringMap<llvm::SmallVector<unsigned, 1>> ByName;
};

/// A family of resources: how its objects are recognised in member types, and
/// which calls acquire, release, merely use, or free their storage.
struct ResourceFamily {
  /// Used in diagnostics: "critical section".
  std::string Name;
  /// Past participles used in diagnostics: "initialized", "deleted".
  std::string Acquired = "acquired";
  std::string Released = "released";
  /// Record or typedef names of the resource type ("CRITICAL_SECTION").
  llvm::SmallVector<llvm::StringRef, 4> TypeNames;
  FunctionSet Acquire;
  FunctionSet Release;
  /// Calls that use the resource without taking ownership of it. Passing the
  /// resource to any other function counts as handing it off.
  FunctionSet Use;

  /// True if \p T (through typedefs) is the family's resource type.
  bool isResourceType(QualType T) const;
};

/// Functions that free heap storage (`free`, `HeapFree`, ...), so that a
/// release is written before the storage of a heap resource is given back.
const FunctionSet &storageFreeFunctions();

/// The Win32 critical section family with its default function lists.
ResourceFamily criticalSectionFamily();

/// Default option values of the critical section family.
extern const char DefaultCriticalSectionInitFunctions[];
extern const char DefaultCriticalSectionDeleteFunctions[];

} // namespace clang::tidy::raii

#endif // RAII_TIDY_RESOURCEMODEL_H
