//===--- CheckOptions.cpp - raii-tidy -------------------------------------===//

#include "CheckOptions.h"

namespace clang::tidy::raii {

std::optional<FunctionSet> parseFunctionListOption(const ClangTidyCheck &Check,
                                                   llvm::StringRef CheckName,
                                                   llvm::StringRef LocalName,
                                                   llvm::StringRef Value) {
  std::string Bad;
  std::optional<FunctionSet> Set = FunctionSet::parse(Value, Bad);
  if (!Set)
    Check.configurationDiag(
        "invalid entry '%0' in option '%1.%2': expected a function name such "
        "as '::InitializeCriticalSection', optionally followed by "
        "':<argument index>'; the check is disabled",
        DiagnosticIDs::Error)
        << Bad << CheckName << LocalName;
  return Set;
}

} // namespace clang::tidy::raii
