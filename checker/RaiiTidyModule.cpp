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
#include <cstdio>
#include <dlfcn.h>
#include <unistd.h>
// LLVM 22 declares the registry in ClangTidyModule.h and deprecates this
// header; LLVM 19 needs it.
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::raii {
namespace {

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

} // namespace
} // namespace clang::tidy::raii

// The LLVM C API's version query: its signature is the same in every major,
// so it is safe to call in a host of any version. Weak, for a host without it.
extern "C" void LLVMGetVersion(unsigned *Major, unsigned *Minor,
                               unsigned *Patch) __attribute__((weak));

namespace clang::tidy {

namespace {

/// Where this module was loaded from (the plugin, or the tool it is linked
/// into).
const char *modulePath() {
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&modulePath), &Info) && Info.dli_fname)
    return Info.dli_fname;
  return "libRaiiTidy.so";
}

/// Stops the process when the host's LLVM is not the one the module was
/// compiled against. The classes of clang-tidy, Clang and LLVM change layout
/// between majors, so such a plugin would list its checks but could report
/// nothing, or crash; a CI job would pass over leaking code. Nothing here
/// calls the host's C++ code, whose ABI is the one that differs: the message
/// goes out through C stdio and the process ends with _exit.
void stopOnForeignHost() {
  unsigned Major = 0, Minor = 0, Patch = 0;
  if (LLVMGetVersion)
    LLVMGetVersion(&Major, &Minor, &Patch);
  if (Major == LLVM_VERSION_MAJOR)
    return;
  std::fprintf(
      stderr,
      "error: the raii-tidy plugin '%s' was built for LLVM %s but is loaded "
      "into LLVM %u.%u.%u; a plugin works only in the clang-tidy of the LLVM "
      "major it was built for: run /usr/lib/llvm-%d/bin/clang-tidy, or "
      "rebuild the plugin for LLVM %u with 'cmake -S <raii-tidy> -B "
      "build/llvm-%u -DRAII_LLVM_VERSION=%u && cmake --build build/llvm-%u' "
      "(or install the raii-tidy-llvm%u package)\n",
      modulePath(), LLVM_VERSION_STRING, Major, Minor, Patch,
      LLVM_VERSION_MAJOR, Major, Major, Major, Major, Major);
  std::fflush(stderr);
  _exit(1);
}

bool registerModule() {
  stopOnForeignHost();
  static ClangTidyModuleRegistry::Add<raii::RaiiModule> X(
      "raii-module", "Resources a class acquires and never releases.");
  return true;
}

[[maybe_unused]] const bool Registered = registerModule();

} // namespace

// Tools that link the module statically reference this anchor so that the
// linker keeps the registration above (hence external linkage).
volatile int RaiiModuleAnchorSource = 0; // NOLINT(misc-use-internal-linkage)

} // namespace clang::tidy
