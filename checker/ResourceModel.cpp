//===--- ResourceModel.cpp - raii-tidy ------------------------------------===//

#include "ResourceModel.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::raii {

const char DefaultCriticalSectionInitFunctions[] =
    "::InitializeCriticalSection;::InitializeCriticalSectionAndSpinCount;"
    "::InitializeCriticalSectionEx";
const char DefaultCriticalSectionDeleteFunctions[] = "::DeleteCriticalSection";

std::string FunctionSpec::str() const {
  std::string S = FullyQualified ? "::" + Name : Name;
  if (ArgIndex != 0)
    S += ":" + std::to_string(ArgIndex);
  return S;
}

namespace {

bool isIdentifier(llvm::StringRef S) {
  if (S.empty() || !isAsciiIdentifierStart(S.front()))
    return false;
  return llvm::all_of(S, [](char C) { return isAsciiIdentifierContinue(C); });
}

/// Parses one non-empty entry; std::nullopt when malformed.
std::optional<FunctionSpec> parseEntry(llvm::StringRef Entry) {
  FunctionSpec Spec;
  llvm::StringRef Name = Entry;
  // A trailing ":N" (one colon, then digits) selects the argument.
  size_t Colon = Entry.rfind(':');
  if (Colon != llvm::StringRef::npos && Colon + 1 < Entry.size() &&
      isDigit(Entry[Colon + 1]) && (Colon == 0 || Entry[Colon - 1] != ':')) {
    if (Entry.substr(Colon + 1).getAsInteger(10, Spec.ArgIndex))
      return std::nullopt;
    Name = Entry.take_front(Colon);
  }
  if (Name.consume_front("::"))
    Spec.FullyQualified = true;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  if (!llvm::all_of(Parts, isIdentifier))
    return std::nullopt;
  Spec.Name = Name.str();
  return Spec;
}

} // namespace

std::optional<FunctionSet> FunctionSet::parse(llvm::StringRef Value,
                                              std::string &BadEntry) {
  FunctionSet Set;
  llvm::SmallVector<llvm::StringRef, 8> Entries;
  Value.split(Entries, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    std::optional<FunctionSpec> Spec = parseEntry(Entry);
    if (!Spec) {
      BadEntry = Entry.str();
      return std::nullopt;
    }
    llvm::StringRef Last = llvm::StringRef(Spec->Name).rsplit("::").second;
    if (Last.empty())
      Last = Spec->Name;
    Set.ByName[Last].push_back(Set.Specs.size());
    Set.Specs.push_back(std::move(*Spec));
  }
  return Set;
}

std::optional<unsigned> FunctionSet::match(const FunctionDecl &FD) const {
  const IdentifierInfo *II = FD.getIdentifier();
  if (!II)
    return std::nullopt;
  auto It = ByName.find(II->getName());
  if (It == ByName.end())
    return std::nullopt;
  std::string Qualified;
  for (unsigned I : It->second) {
    const FunctionSpec &Spec = Specs[I];
    if (!Spec.FullyQualified && Spec.Name == II->getName())
      return Spec.ArgIndex;
    if (Qualified.empty())
      Qualified = FD.getQualifiedNameAsString();
    llvm::StringRef Q = Qualified;
    if (Q == Spec.Name)
      return Spec.ArgIndex;
    if (!Spec.FullyQualified && Q.ends_with("::" + Spec.Name))
      return Spec.ArgIndex;
  }
  return std::nullopt;
}

std::string FunctionSet::serialize() const {
  std::string S;
  for (const FunctionSpec &Spec : Specs) {
    if (!S.empty())
      S += ';';
    S += Spec.str();
  }
  return S;
}

bool ResourceFamily::isResourceType(QualType T) const {
  if (T.isNull())
    return false;
  // A typedef name anywhere in the sugar chain, or the record itself.
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    const auto *TT = T->getAs<TypedefType>();
    if (!TT)
      break;
    if (llvm::is_contained(TypeNames, TT->getDecl()->getName()))
      return true;
    T = TT->desugar();
  }
  if (const RecordDecl *RD = T->getAsRecordDecl())
    return RD->getIdentifier() && llvm::is_contained(TypeNames, RD->getName());
  return false;
}

const FunctionSet &storageFreeFunctions() {
  static const FunctionSet Set = [] {
    std::string Bad;
    return *FunctionSet::parse("::free;::HeapFree:2;::LocalFree;::GlobalFree;"
                               "::CoTaskMemFree;::_aligned_free;::VirtualFree;"
                               "::std::free",
                               Bad);
  }();
  return Set;
}

ResourceFamily criticalSectionFamily() {
  ResourceFamily F;
  F.Name = "critical section";
  F.Acquired = "initialized";
  F.Released = "deleted";
  F.TypeNames = {"CRITICAL_SECTION", "RTL_CRITICAL_SECTION",
                 "_RTL_CRITICAL_SECTION"};
  std::string Bad;
  F.Acquire = *FunctionSet::parse(DefaultCriticalSectionInitFunctions, Bad);
  F.Release = *FunctionSet::parse(DefaultCriticalSectionDeleteFunctions, Bad);
  F.Use = *FunctionSet::parse(
      "::EnterCriticalSection;::LeaveCriticalSection;"
      "::TryEnterCriticalSection;::SetCriticalSectionSpinCount",
      Bad);
  return F;
}

} // namespace clang::tidy::raii
