//===--- LeakReporter.h - raii-tidy -----------------------------*- C++ -*-===//
//
// Turns what ClassAnalysis found for one class into clang-tidy diagnostics:
// the warning at the acquiring call, notes at the member, the destructor and
// wherever else the member is released, and the fix-its DestructorWriter
// builds.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_LEAKREPORTER_H
#define RAII_TIDY_LEAKREPORTER_H

#include "ClassAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::raii {

/// Reports the leaks and releases-without-acquire of \p A's class.
void reportClass(ClangTidyCheck &Check, ClassAnalysis &A, ASTContext &Ctx);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_LEAKREPORTER_H
