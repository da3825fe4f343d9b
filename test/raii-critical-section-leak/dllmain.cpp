// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// A DLL is loaded and unloaded again and again: a global, static member or
// function-local static critical section that DllMain's DLL_PROCESS_ATTACH
// branch initializes, and that nothing in the translation unit deletes,
// leaks on every unload (the store-provider DLL of KB Q265514). The fix-it
// goes into the DLL_PROCESS_DETACH case.
#include <windows.h>

namespace {
CRITICAL_SECTION g_cs;
}
struct Module {
  static CRITICAL_SECTION s_cs;
};
CRITICAL_SECTION Module::s_cs;
static CRITICAL_SECTION g_deleted;
static CRITICAL_SECTION g_handedOff;
void Register(CRITICAL_SECTION *);

BOOL WINAPI DllMain(HINSTANCE hinst, DWORD reason, LPVOID reserved) {
  switch (reason) {
  case DLL_PROCESS_ATTACH:
    InitializeCriticalSection(&g_cs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'g_cs' is initialized in 'DllMain' on DLL_PROCESS_ATTACH but deleted nowhere in the translation unit: it leaks on every unload of the DLL [raii-critical-section-leak]
    InitializeCriticalSectionAndSpinCount(&Module::s_cs, 4000);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 's_cs' is initialized in 'DllMain' on DLL_PROCESS_ATTACH but deleted nowhere in the translation unit: it leaks on every unload of the DLL [raii-critical-section-leak]
    InitializeCriticalSection(&g_deleted);
    InitializeCriticalSection(&g_handedOff);
    Register(&g_handedOff);
    break;
  case DLL_PROCESS_DETACH:
    DeleteCriticalSection(&g_deleted);
    // CHECK-FIXES: {{^}}    DeleteCriticalSection(&g_cs);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(&Module::s_cs);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(&g_deleted);{{$}}
    break;
  }
  return TRUE;
}

void Lock() { EnterCriticalSection(&g_cs); }
void Unlock() { LeaveCriticalSection(&g_cs); }
