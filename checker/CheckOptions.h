//===--- CheckOptions.h - raii-tidy -----------------------------*- C++ -*-===//
//
// Reading the checks' list options, shared by the checks: a malformed entry is
// reported as a configuration error naming the option and the entry.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_CHECKOPTIONS_H
#define RAII_TIDY_CHECKOPTIONS_H

#include "ResourceModel.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::raii {

/// Parses the function-list option \p LocalName of \p Check (value
/// \p Value); on a malformed entry reports an error and returns std::nullopt.
std::optional<FunctionSet> parseFunctionListOption(const ClangTidyCheck &Check,
                                                   llvm::StringRef CheckName,
                                                   llvm::StringRef LocalName,
                                                   llvm::StringRef Value);

/// Parses a ';'-separated list of default family ids ("pthread-mutex") into
/// \p Out; on an unknown id reports an error and returns false.
bool parseFamilyIdsOption(const ClangTidyCheck &Check,
                          llvm::StringRef CheckName, llvm::StringRef LocalName,
                          llvm::StringRef Value,
                          std::vector<ResourceFamily> &Out);

/// Parses a ';'-separated list of user-defined families (see parseFamily)
/// into \p Out; on a malformed entry reports an error and returns false.
bool parseCustomFamiliesOption(const ClangTidyCheck &Check,
                               llvm::StringRef CheckName,
                               llvm::StringRef LocalName, llvm::StringRef Value,
                               std::vector<ResourceFamily> &Out);

/// Parses the LifecyclePairs option \p LocalName of \p Check into \p Out; on
/// a malformed entry reports an error and returns false. An empty value is
/// no pairs.
bool parseLifecyclePairsOption(const ClangTidyCheck &Check,
                               llvm::StringRef CheckName,
                               llvm::StringRef LocalName, llvm::StringRef Value,
                               std::vector<LifecyclePair> &Out);

/// Parses a ';'-separated list of class names (FinalReleaseBases) into
/// \p Out; on an entry that is not an identifier reports an error and
/// returns false. An empty value is no classes.
bool parseClassNamesOption(const ClangTidyCheck &Check,
                           llvm::StringRef CheckName, llvm::StringRef LocalName,
                           llvm::StringRef Value,
                           std::vector<std::string> &Out);

/// The ids of the default families, ';'-separated.
std::string defaultFamilyIds();

} // namespace clang::tidy::raii

#endif // RAII_TIDY_CHECKOPTIONS_H
