//===--- ClassMatcher.h - raii-tidy -----------------------------*- C++ -*-===//
//
// The classes every raii check analyses, as one matcher the checks share.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_CLASSMATCHER_H
#define RAII_TIDY_CLASSMATCHER_H

#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::raii {

/// Class definitions written by the user, bound to "class": not implicit, not
/// lambdas, not in system headers, and template patterns rather than their
/// instantiations, so that a template is judged once.
ast_matchers::DeclarationMatcher analysedClass();

} // namespace clang::tidy::raii

#endif // RAII_TIDY_CLASSMATCHER_H
