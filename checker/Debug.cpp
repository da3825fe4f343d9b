//===--- Debug.cpp - raii-tidy --------------------------------------------===//

#include "Debug.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdlib>
#include <string>
#include <vector>

namespace clang::tidy::raii {

namespace {

struct DebugTypes {
  std::vector<std::string> Types;
  bool All = false;

  void set(llvm::StringRef List) {
    Types.clear();
    All = false;
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    List.split(Parts, ',', -1, false);
    for (llvm::StringRef P : Parts) {
      P = P.trim();
      All |= P == "all";
      Types.push_back(P.str());
    }
  }
};

DebugTypes &debugTypes() {
  static DebugTypes Types = [] {
    DebugTypes T;
    if (const char *Env = std::getenv("RAII_TIDY_DEBUG"))
      T.set(Env);
    return T;
  }();
  return Types;
}

} // namespace

bool debugEnabled(llvm::StringRef Type) {
  const DebugTypes &T = debugTypes();
  if (T.All || llvm::is_contained(T.Types, Type))
    return true;
#ifdef RAII_LLVM_ASSERTIONS
  return llvm::DebugFlag && llvm::isCurrentDebugType(Type.str().c_str());
#else
  return false;
#endif
}

void setDebugTypes(llvm::StringRef Types) { debugTypes().set(Types); }

} // namespace clang::tidy::raii
