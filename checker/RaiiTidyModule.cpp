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
#include <cstdlib>
// LLVM 22 declares the registry in ClangTidyModule.h and deprecates this
// header; LLVM 19 needs it.
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif
// Last, so that its macros cannot reach the headers above.
#ifdef _WIN32
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <dlfcn.h>
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
// On Windows, LLVM cannot load plugins: the module is only linked statically
// into raii-clang-tidy.exe, raii-clangd.exe and raii-explain.exe (see
// checker/CMakeLists.txt), whose LLVM is the one it was compiled against, so
// the call always resolves, to that LLVM's own LLVMGetVersion (and PE/COFF
// has no weak references to spell it with).
#ifdef _WIN32
extern "C" void LLVMGetVersion(unsigned *Major, unsigned *Minor,
                               unsigned *Patch);
#else
extern "C" void LLVMGetVersion(unsigned *Major, unsigned *Minor,
                               unsigned *Patch) __attribute__((weak));
#endif

namespace clang::tidy {

namespace {

/// Where this module was loaded from (the plugin, or the tool it is linked
/// into).
const char *modulePath() {
#ifdef _WIN32
  // The executable or DLL that contains this function, without taking a
  // reference on it.
  static char Path[MAX_PATH];
  HMODULE Module = nullptr;
  if (GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                             GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                         reinterpret_cast<LPCWSTR>(&modulePath), &Module) &&
      GetModuleFileNameA(Module, Path, MAX_PATH) != 0)
    return Path;
  return "raii-tidy";
#else
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&modulePath), &Info) && Info.dli_fname)
    return Info.dli_fname;
  return "libRaiiTidy.so";
#endif
}

/// Stops the process when the host's LLVM is not the one the module was
/// compiled against. The classes of clang-tidy, Clang and LLVM change layout
/// between majors, so such a plugin would list its checks but could report
/// nothing, or crash; a CI job would pass over leaking code. Nothing here
/// calls the host's C++ code, whose ABI is the one that differs: the message
/// goes out through C stdio and the process ends with _Exit (as _exit: no
/// atexit handlers, no static destructors).
void stopOnForeignHost() {
  unsigned Major = 0, Minor = 0, Patch = 0;
#ifdef _WIN32
  LLVMGetVersion(&Major, &Minor, &Patch);
  if (Major == LLVM_VERSION_MAJOR)
    return;
  // Only a build that mixes the headers of one LLVM with the libraries of
  // another gets here.
  std::fprintf(stderr,
               "error: raii-tidy in '%s' was compiled against the headers of "
               "LLVM %s but linked with LLVM %u.%u.%u; build it against one "
               "LLVM installation (RAII_LLVM_ROOT)\n",
               modulePath(), LLVM_VERSION_STRING, Major, Minor, Patch);
#else
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
#endif
  std::fflush(stderr);
  std::_Exit(1);
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
