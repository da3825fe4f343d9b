// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// Every family in a DLL's globals: what DLL_PROCESS_ATTACH acquires and
// nothing in the translation unit releases leaks on every unload.
#include <windows.h>
#include <stdlib.h>

static HANDLE g_stop;
static char *g_buffer;
static HANDLE g_closed;

BOOL WINAPI DllMain(HINSTANCE, DWORD reason, LPVOID) {
  switch (reason) {
  case DLL_PROCESS_ATTACH:
    g_stop = CreateEventW(NULL, TRUE, FALSE, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handle 'g_stop' is created by 'CreateEventW' in 'DllMain' on DLL_PROCESS_ATTACH but closed nowhere in the translation unit: it leaks on every unload of the DLL [raii-unreleased-member]
    g_buffer = (char *)malloc(256);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: memory 'g_buffer' is allocated by 'malloc' in 'DllMain' on DLL_PROCESS_ATTACH but freed nowhere in the translation unit: it leaks on every unload of the DLL [raii-unreleased-member]
    g_closed = CreateEventW(NULL, FALSE, FALSE, NULL);
    break;
  case DLL_PROCESS_DETACH:
    CloseHandle(g_closed);
    // CHECK-FIXES: {{^}}    CloseHandle(g_stop);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    free(g_buffer);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    CloseHandle(g_closed);{{$}}
    break;
  }
  return TRUE;
}

void Signal() { SetEvent(g_stop); }
