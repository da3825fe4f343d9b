//===--- CheckOptions.h - raii-tidy -----------------------------*- C++ -*-===//
//
// Reading function-list options, shared by the checks: a malformed entry is
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

} // namespace clang::tidy::raii

#endif // RAII_TIDY_CHECKOPTIONS_H
