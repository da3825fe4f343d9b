// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// The wordings of two-phase and DLL leaks for which the other tests have no
// case: no closing method and no destructor, a destructor-only pair with an
// implicit destructor, DllMain without a detach case or with a case falling
// into it, and a free pair without its closing function.
#include <windows.h>

class Bare {
public:
  void Initialize() { InitializeCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-5]]:23: warning: critical section 'm_cs' is initialized in 'Initialize' but never deleted: class 'Bare' has no 'Uninitialize' and no user-declared destructor [raii-critical-section-leak]
// CHECK-MESSAGES: :[[@LINE-6]]:23: note: no fix-it: class 'Bare' has no 'Uninitialize'

class Native {
public:
  static Native *Create() {
    Native *N = new Native;
    N->NativeConstruct();
    return N;
  }
  void NativeConstruct() { InitializeCriticalSection(&m_cs); }

private:
  Native() {}
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-6]]:28: warning: critical section 'm_cs' is initialized in 'NativeConstruct' but never deleted; 'Native' has no user-declared destructor [raii-critical-section-leak]
// CHECK-MESSAGES: :[[@LINE-7]]:28: note: no fix-it: the destructor may run without 'NativeConstruct'

static CRITICAL_SECTION g_noDetach;
static CRITICAL_SECTION g_fallsInto;
static CRITICAL_SECTION g_lonely;

BOOL WINAPI DllMain(HINSTANCE, DWORD reason, LPVOID) {
  switch (reason) {
  case DLL_PROCESS_ATTACH:
    InitializeCriticalSection(&g_fallsInto);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'g_fallsInto' is initialized in 'DllMain' on DLL_PROCESS_ATTACH but deleted nowhere in the translation unit: it leaks on every unload of the DLL [raii-critical-section-leak]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: another case may fall through into its DLL_PROCESS_DETACH case
    break;
  case DLL_THREAD_ATTACH:
    OutputDebugStringA("thread");
  case DLL_PROCESS_DETACH:
    break;
  }
  return TRUE;
}

void OpenLonely() {}
void Initialize() { InitializeCriticalSection(&g_lonely); }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: critical section 'g_lonely' is initialized in 'Initialize' but deleted nowhere in the translation unit [raii-critical-section-leak]
// CHECK-MESSAGES: :[[@LINE-2]]:21: note: no fix-it: there is no 'Uninitialize'
