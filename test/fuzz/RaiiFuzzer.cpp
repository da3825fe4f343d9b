//===--- RaiiFuzzer.cpp - raii-tidy ---------------------------------------===//
//
// libFuzzer target: runs every raii check in-process on arbitrary input
// appended to a prelude that declares the critical-section API and a few
// functions of every other kind of resource family. A crash, an
// assertion or a sanitizer report is a bug; what the checks report is not
// judged here (the lit tests do that).
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include <cstdint>
#include <cstdlib>
#include <string>

namespace clang::tidy {
// Keeps the raii module's registration in the link.
extern volatile int RaiiModuleAnchorSource;
} // namespace clang::tidy

namespace {

const char Prelude[] = R"cpp(
typedef struct _RTL_CRITICAL_SECTION { void *p[5]; } RTL_CRITICAL_SECTION;
typedef RTL_CRITICAL_SECTION CRITICAL_SECTION, *LPCRITICAL_SECTION;
typedef int BOOL;
typedef unsigned long DWORD;
void InitializeCriticalSection(LPCRITICAL_SECTION);
BOOL InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION, DWORD);
BOOL InitializeCriticalSectionEx(LPCRITICAL_SECTION, DWORD, DWORD);
void DeleteCriticalSection(LPCRITICAL_SECTION);
void EnterCriticalSection(LPCRITICAL_SECTION);
void LeaveCriticalSection(LPCRITICAL_SECTION);
void *HeapAlloc(void *, DWORD, unsigned long long);
BOOL HeapFree(void *, DWORD, void *);
void *GetProcessHeap();
void free(void *);
void *malloc(unsigned long);
void *calloc(unsigned long, unsigned long);
char *strdup(const char *);
typedef void *HANDLE;
typedef struct HKEY__ *HKEY;
HANDLE CreateEventW(void *, BOOL, BOOL, const wchar_t *);
HANDLE CreateThread(void *, unsigned long, DWORD (*)(void *), void *, DWORD,
                    DWORD *);
BOOL CloseHandle(HANDLE);
DWORD WaitForSingleObject(HANDLE, DWORD);
long RegOpenKeyExW(HKEY, const wchar_t *, DWORD, DWORD, HKEY *);
long RegCloseKey(HKEY);
typedef struct _IO_FILE FILE;
FILE *fopen(const char *, const char *);
int fclose(FILE *);
int fprintf(FILE *, const char *, ...);
int open(const char *, int, ...);
int close(int);
typedef union { char s[40]; long a; } pthread_mutex_t;
int pthread_mutex_init(pthread_mutex_t *, const void *);
int pthread_mutex_destroy(pthread_mutex_t *);
int pthread_mutex_lock(pthread_mutex_t *);
namespace ATL {
struct CComCriticalSection {
  CComCriticalSection();
  long Init();
  long Term();
};
} // namespace ATL
#line 1 "input.cpp"
)cpp";

class TidyAction : public clang::ASTFrontendAction {
public:
  explicit TidyAction(clang::tidy::ClangTidyASTConsumerFactory &Factory)
      : Factory(Factory) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI,
                    llvm::StringRef File) override {
    return Factory.createASTConsumer(CI, File);
  }

private:
  clang::tidy::ClangTidyASTConsumerFactory &Factory;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  using namespace clang::tidy;
  (void)RaiiModuleAnchorSource;
  std::string Code = Prelude;
  Code.append(reinterpret_cast<const char *>(Data), Size);

  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  Options.Checks = "-*,raii-*";
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), Options));
  ClangTidyDiagnosticConsumer Consumer(Context);
  auto DiagOpts = std::make_unique<clang::DiagnosticOptions>();
  clang::DiagnosticsEngine Diags(clang::DiagnosticIDs::create(), *DiagOpts,
                                 &Consumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &Diags);
  Context.setCurrentFile("input.cpp");
  ClangTidyASTConsumerFactory Factory(Context);
  clang::tooling::runToolOnCodeWithArgs(
      std::make_unique<TidyAction>(Factory), Code,
      {"-std=c++17", "-fsyntax-only", "-Wno-everything"}, "input.cpp");
  // For the test that proves the checks run: how many they reported.
  // Only the checks' own diagnostics count; the compiler's errors are
  // counted apart, so that a prelude that stops compiling cannot pass for
  // a finding.
  if (std::getenv("RAII_FUZZER_COUNT")) {
    unsigned Raii = 0, Compiler = 0;
    for (const ClangTidyError &Error : Consumer.take()) {
      if (llvm::StringRef(Error.DiagnosticName).starts_with("raii-"))
        ++Raii;
      else
        ++Compiler;
    }
    llvm::errs() << "raii diagnostics: " << Raii
                 << ", other diagnostics: " << Compiler << "\n";
  }
  return 0;
}
