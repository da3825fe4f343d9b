//===--- ReleaseArguments.h - raii-tidy -------------------------*- C++ -*-===//
//
// Fix planning: the arguments a release needs besides the resource
// (`munmap(p, len)`, `HeapFree(heap, 0, p)`, `ReleaseDC(hwnd, hdc)`),
// repeated in the destructor from what the acquiring call was given. A
// value can be repeated when it is a constant, a call that returns the same
// value every time (`GetProcessHeap()`), or a member of the class that only
// constructors set, before the acquisition; anything else (a parameter, a
// local) is gone by the time the destructor runs, and the fix-it is not
// written.
//
//===----------------------------------------------------------------------===//

#ifndef RAII_TIDY_RELEASEARGUMENTS_H
#define RAII_TIDY_RELEASEARGUMENTS_H

#include "ClassAnalysis.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
namespace tidy::raii {

/// The texts of the acquiring call's arguments that \p Family's release
/// template names (`$N`, at index N; the others empty), the same in every
/// acquisition of \p Acquires; or std::nullopt with \p Why set. An empty
/// vector when the template names none. \p Fields gets the members the
/// texts name (`m_heap` in `HeapFree(m_heap, 0, m_p)`): their own release
/// must come after this one.
std::optional<std::vector<std::string>>
releaseArgumentsFrom(const ResourceFamily &Family,
                     llvm::ArrayRef<const Fact *> Acquires,
                     const CXXRecordDecl &RD, ASTContext &Ctx, std::string &Why,
                     llvm::SmallVectorImpl<const FieldDecl *> &Fields);

/// The members of the class that the acquiring calls \p Acquires read
/// (`InternetConnect(m_session, ..)`, `MapViewOfFile(m_mapping, ..)`): a
/// resource made from another is released before it.
void membersReadBy(llvm::ArrayRef<const Fact *> Acquires,
                   llvm::SmallVectorImpl<const FieldDecl *> &Fields);

} // namespace tidy::raii
} // namespace clang

#endif // RAII_TIDY_RELEASEARGUMENTS_H
