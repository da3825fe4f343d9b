// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// DllMain without a DLL_PROCESS_DETACH case: reported, with no fix-it.
#include <windows.h>

static CRITICAL_SECTION g_cs;

BOOL WINAPI DllMain(HINSTANCE, DWORD reason, LPVOID) {
  switch (reason) {
  case DLL_PROCESS_ATTACH:
    InitializeCriticalSection(&g_cs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'g_cs' is initialized in 'DllMain' on DLL_PROCESS_ATTACH but deleted nowhere in the translation unit: it leaks on every unload of the DLL [raii-critical-section-leak]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: 'DllMain' has no DLL_PROCESS_DETACH case
    break;
  }
  return TRUE;
}
