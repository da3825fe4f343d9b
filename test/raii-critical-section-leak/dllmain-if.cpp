// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// DllMain written with if and else if (7-Zip's shell extension is): the
// DLL_PROCESS_ATTACH branch is judged the same way, and the deletion goes
// into the braces of the DLL_PROCESS_DETACH branch.
#include <windows.h>

static CRITICAL_SECTION g_cs;
static HINSTANCE g_hInstance;

extern "C" BOOL WINAPI DllMain(HINSTANCE hInstance, DWORD dwReason, LPVOID) {
  if (dwReason == DLL_PROCESS_ATTACH) {
    g_hInstance = hInstance;
    InitializeCriticalSection(&g_cs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'g_cs' is initialized in 'DllMain' on DLL_PROCESS_ATTACH but deleted nowhere in the translation unit: it leaks on every unload of the DLL [raii-critical-section-leak]
  } else if (dwReason == DLL_PROCESS_DETACH) {
    g_hInstance = nullptr;
    // CHECK-FIXES: {{^}}    DeleteCriticalSection(&g_cs);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    g_hInstance = nullptr;{{$}}
  }
  return TRUE;
}

void Enter() { EnterCriticalSection(&g_cs); }
