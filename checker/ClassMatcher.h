//===--- ClassMatcher.h - raii-tidy -----------------------------*- C++ -*-===//
//
// The classes every raii check analyses. Each check matches the translation
// unit once; the user's classes are found by one walk over declaration
// contexts per translation unit, shared by the checks, skipping system headers
// and template instantiations wholesale: dispatching a class matcher over
// every class of <windows.h> and the C++ library cost more than the analysis.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_CLASSMATCHER_H
#define RAII_TIDY_CLASSMATCHER_H

#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::raii {

/// Matches the translation unit, bound to "tu".
ast_matchers::DeclarationMatcher analysedTranslationUnit();

/// Calls \p Visit for every class definition written by the user in \p TU:
/// not implicit, not a lambda, not in a system header, and template patterns
/// rather than their instantiations, so that a template is judged once.
void forEachAnalysedClass(
    const TranslationUnitDecl &TU,
    llvm::function_ref<void(const CXXRecordDecl &)> Visit);

class ClassAnalysis;
class ResourceModel;

/// Calls \p Visit with the analysis, for \p Model, of every class
/// forEachAnalysedClass visits that is valid and may hold one of the model's
/// resources.
void forEachClassAnalysis(const TranslationUnitDecl &TU,
                          const ResourceModel &Model,
                          llvm::function_ref<void(ClassAnalysis &)> Visit);

} // namespace clang::tidy::raii

#endif // RAII_TIDY_CLASSMATCHER_H
