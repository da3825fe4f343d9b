//===--- RaiiTidyModule.cpp - raii-tidy -----------------------------------===//
//
// The `raii` clang-tidy module: registers the checks. Loaded as a plugin
// (`clang-tidy --load=libRaiiTidy.so`) or linked into a tool.
//
//===----------------------------------------------------------------------===//

#include "CopyableResourceOwnerCheck.h"
#include "CriticalSectionLeakCheck.h"
#include "UnreleasedMemberCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
// LLVM 22 declares the registry in ClangTidyModule.h and deprecates this
// header; LLVM 19 needs it.
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::raii {

class RaiiModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<CopyableResourceOwnerCheck>(
        "raii-copyable-resource-owner");
    Factories.registerCheck<CriticalSectionLeakCheck>(
        "raii-critical-section-leak");
    Factories.registerCheck<UnreleasedMemberCheck>("raii-unreleased-member");
  }
};

} // namespace clang::tidy::raii

namespace clang::tidy {

static ClangTidyModuleRegistry::Add<raii::RaiiModule>
    X("raii-module", "Resources a class acquires and never releases.");

// Tools that link the module statically reference this anchor so that the
// linker keeps the registration above.
volatile int RaiiModuleAnchorSource = 0;

} // namespace clang::tidy
