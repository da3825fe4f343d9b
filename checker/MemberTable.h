//===--- MemberTable.h - raii-tidy ------------------------------*- C++ -*-===//
//
// The members of one class that the analysis tracks (its data members, the
// fields of its plain aggregate members, and the members its user-written
// bases let it name), and which of them an expression designates. Built
// once per class and model, then read only.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_MEMBERTABLE_H
#define RAII_TIDY_MEMBERTABLE_H

#include "ResourceModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::raii {

/// A data member of the class, reached from `this` through a path of fields:
/// {m_cs}, or {m_state, cs} for a member of a plain aggregate member. Every
/// data member is tracked; what makes it a resource is what the code does to
/// it.
struct TrackedMember {
  llvm::SmallVector<const FieldDecl *, 2> Path;
  unsigned ArrayRank = 0; ///< Number of array dimensions; 0: not an array.
  QualType Element;       ///< The type, or the element type of an array.
  /// For a member of a base class (public or protected, acquired in this
  /// class's constructors): the base that declares it.
  const CXXRecordDecl *InheritedFrom = nullptr;

  /// The member as written in code: "m_cs", "m_state.cs" (anonymous
  /// structs and unions are transparent).
  std::string spelling() const;
  /// The top-level data member of the class.
  const FieldDecl *topLevel() const { return Path.front(); }
};

/// A resource a class may hold: a member, or the object a pointer member
/// points to, of one family.
struct ResourceKey {
  unsigned Member = 0;
  /// The resource is what the member points to (`InitializeCriticalSection(
  /// m_pcs)`), not the member itself.
  bool Pointee = false;
  const ResourceFamily *Family = nullptr;

  bool sameResource(const ResourceKey &O) const {
    return Member == O.Member && Pointee == O.Pointee;
  }
  bool operator==(const ResourceKey &O) const {
    return sameResource(O) && Family == O.Family;
  }
};

/// How a call's argument designates a resource.
enum class ArgMode {
  Address, ///< &m, &m[i], m (array), m (pointer: what it points to)
  Value,   ///< m, m[i]
};

/// A member, or what it points to, as an expression designates it.
struct Designation {
  unsigned Member;
  bool Pointee;
};

/// The tracked members of a class.
class MemberTable {
public:
  MemberTable(const CXXRecordDecl &RD, const ResourceModel &Model);

  llvm::ArrayRef<TrackedMember> members() const { return Members; }
  const TrackedMember &operator[](unsigned I) const { return Members[I]; }
  /// False when no member can hold a resource of the model's families.
  bool mayHoldResources() const { return MayHoldResources; }
  /// The base classes whose members are tracked too.
  llvm::ArrayRef<const CXXRecordDecl *> userBases() const { return UserBases; }

  /// The member a chain of member accesses from `this` names.
  std::optional<unsigned> memberOf(const Expr *E) const;
  std::optional<unsigned>
  memberByPath(llvm::ArrayRef<const FieldDecl *> Path) const;
  /// The member (or what it points to) that \p E designates as a call
  /// argument of mode \p Mode.
  std::optional<Designation> designate(const Expr *E, ArgMode Mode) const;
  /// The array member whose elements the range-for loop variable \p Var
  /// runs over (`for (auto &cs : m_cs)`), if any.
  std::optional<unsigned> rangeMember(const VarDecl &Var) const;

private:
  void collectMembers(const RecordDecl &R,
                      llvm::SmallVectorImpl<const FieldDecl *> &Prefix,
                      unsigned Depth);
  /// The public and protected members of the non-virtual bases written in
  /// user code, which this class's constructors may acquire.
  void collectInherited(const CXXRecordDecl &RD);

  const ResourceModel &Model;
  std::vector<TrackedMember> Members;
  llvm::SmallVector<const CXXRecordDecl *, 2> UserBases;
  bool MayHoldResources = false;
  /// Members by their top-level data member, to find the one an argument
  /// designates without scanning them all.
  llvm::SmallDenseMap<const FieldDecl *, llvm::SmallVector<unsigned, 1>, 8>
      ByTopLevel;
};

} // namespace clang::tidy::raii

#endif // RAII_TIDY_MEMBERTABLE_H
