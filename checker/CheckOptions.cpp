//===--- CheckOptions.cpp - raii-tidy -------------------------------------===//

#include "CheckOptions.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::raii {

namespace {

void reportBadEntry(const ClangTidyCheck &Check, llvm::StringRef CheckName,
                    llvm::StringRef LocalName, llvm::StringRef Entry,
                    llvm::StringRef Expected) {
  Check.configurationDiag("invalid entry '%0' in option '%1.%2': %3; the check "
                          "is disabled",
                          DiagnosticIDs::Error)
      << Entry << CheckName << LocalName << Expected;
}

} // namespace

std::optional<FunctionSet> parseFunctionListOption(const ClangTidyCheck &Check,
                                                   llvm::StringRef CheckName,
                                                   llvm::StringRef LocalName,
                                                   llvm::StringRef Value) {
  if (splitOptionList(Value).empty()) {
    Check.configurationDiag("option '%0.%1' is empty: name at least one "
                            "function (to turn the check off, remove it from "
                            "'Checks'); the check is disabled",
                            DiagnosticIDs::Error)
        << CheckName << LocalName;
    return std::nullopt;
  }
  std::string Bad;
  std::optional<FunctionSet> Set = FunctionSet::parse(Value, Bad);
  if (!Set)
    reportBadEntry(Check, CheckName, LocalName, Bad,
                   "expected a function name such as "
                   "'::InitializeCriticalSection', optionally followed by "
                   "':<argument index>'");
  return Set;
}

std::string defaultFamilyIds() {
  std::string Ids;
  for (const ResourceFamily &F : defaultFamilies()) {
    if (!Ids.empty())
      Ids += ';';
    Ids += F.Id;
  }
  return Ids;
}

bool parseFamilyIdsOption(const ClangTidyCheck &Check,
                          llvm::StringRef CheckName, llvm::StringRef LocalName,
                          llvm::StringRef Value,
                          std::vector<ResourceFamily> &Out) {
  for (llvm::StringRef Id : splitOptionList(Value)) {
    const auto &Defaults = defaultFamilies();
    auto It = llvm::find_if(
        Defaults, [&](const ResourceFamily &F) { return F.Id == Id; });
    if (It == Defaults.end()) {
      reportBadEntry(Check, CheckName, LocalName, Id,
                     "expected one of '" + defaultFamilyIds() + "'");
      return false;
    }
    Out.push_back(*It);
  }
  return true;
}

bool parseCustomFamiliesOption(const ClangTidyCheck &Check,
                               llvm::StringRef CheckName,
                               llvm::StringRef LocalName, llvm::StringRef Value,
                               std::vector<ResourceFamily> &Out) {
  for (llvm::StringRef Entry : splitOptionList(Value)) {
    std::string Why;
    std::optional<ResourceFamily> F = parseFamily(Entry, Why);
    if (!F) {
      reportBadEntry(Check, CheckName, LocalName, Entry, Why);
      return false;
    }
    Out.push_back(std::move(*F));
  }
  return true;
}

bool parseClassNamesOption(const ClangTidyCheck &Check,
                           llvm::StringRef CheckName, llvm::StringRef LocalName,
                           llvm::StringRef Value,
                           std::vector<std::string> &Out) {
  for (llvm::StringRef Name : splitOptionList(Value)) {
    if (!isValidAsciiIdentifier(Name)) {
      reportBadEntry(Check, CheckName, LocalName, Name,
                     "expected the unqualified name of a class or class "
                     "template, such as 'CComObjectRootEx'");
      return false;
    }
    Out.push_back(Name.str());
  }
  return true;
}

bool parseLifecyclePairsOption(const ClangTidyCheck &Check,
                               llvm::StringRef CheckName,
                               llvm::StringRef LocalName, llvm::StringRef Value,
                               std::vector<LifecyclePair> &Out) {
  std::string Bad, Why;
  std::optional<std::vector<LifecyclePair>> Pairs =
      parseLifecyclePairs(Value, Bad, Why);
  if (!Pairs) {
    reportBadEntry(Check, CheckName, LocalName, Bad, Why);
    return false;
  }
  Out = std::move(*Pairs);
  return true;
}

} // namespace clang::tidy::raii
