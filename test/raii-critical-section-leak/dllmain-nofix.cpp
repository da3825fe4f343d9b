// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// When a release in DLL_PROCESS_DETACH could run where the attach did not
// initialize (DLL_PROCESS_DETACH follows a failed attach too) or for
// another reason, the warning stands and a note says why there is no fix-it.
#include <windows.h>

static CRITICAL_SECTION g_first;
static CRITICAL_SECTION g_late;
static CRITICAL_SECTION g_helper;
static CRITICAL_SECTION g_shared;
bool Ready();

static void InitHelpers() { InitializeCriticalSection(&g_helper); }
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: critical section 'g_helper' is initialized in 'InitHelpers' on DLL_PROCESS_ATTACH but deleted nowhere in the translation unit: it leaks on every unload of the DLL [raii-critical-section-leak]
// CHECK-MESSAGES: :[[@LINE+7]]:13: note: 'InitHelpers' runs from 'DllMain'

CRITICAL_SECTION *Lazy() {
  static CRITICAL_SECTION cs;
  return &cs;
}

BOOL WINAPI DllMain(HINSTANCE, DWORD reason, LPVOID) {
  switch (reason) {
  case DLL_PROCESS_ATTACH:
    InitializeCriticalSection(&g_first);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'g_first' is initialized in 'DllMain' on DLL_PROCESS_ATTACH but deleted nowhere in the translation unit: it leaks on every unload of the DLL [raii-critical-section-leak]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: its DLL_PROCESS_DETACH case is shared with another case
    if (!Ready())
      return FALSE;
    InitializeCriticalSection(&g_late);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'g_late' is initialized in 'DllMain' on DLL_PROCESS_ATTACH but deleted nowhere in the translation unit: it leaks on every unload of the DLL [raii-critical-section-leak]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: the DLL_PROCESS_ATTACH branch may not reach it, and DLL_PROCESS_DETACH runs after a failed attach too
    InitHelpers();
    break;
  case DLL_THREAD_DETACH:
  case DLL_PROCESS_DETACH:
    break;
  }
  return TRUE;
}

// A free function pair: Initialize() without the deletion in Uninitialize().
void Initialize() { InitializeCriticalSection(&g_shared); }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: critical section 'g_shared' is initialized in 'Initialize' but deleted nowhere in the translation unit [raii-critical-section-leak]
// CHECK-MESSAGES: :[[@LINE-2]]:21: note: no fix-it: 'Uninitialize' may run without 'Initialize', or more than once
void Uninitialize() {}

// Outside DllMain and the pairs, a process-lifetime critical section is not
// a leak: this one lives as long as the process.
static CRITICAL_SECTION g_process;
void Setup() { InitializeCriticalSection(&g_process); }
