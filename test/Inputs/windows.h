// Mock of the parts of <windows.h> (synchapi.h, minwinbase.h) that the raii
// checks use, declared as the Windows SDK and mingw-w64 declare them. For
// focused unit tests; the real-header tests include mingw-w64's <windows.h>.
#pragma once

typedef int BOOL;
typedef unsigned long DWORD;
typedef void *HANDLE;
typedef void *LPVOID;
typedef unsigned long long ULONG_PTR;

typedef struct _RTL_CRITICAL_SECTION_DEBUG *PRTL_CRITICAL_SECTION_DEBUG;
typedef struct _RTL_CRITICAL_SECTION {
  PRTL_CRITICAL_SECTION_DEBUG DebugInfo;
  long LockCount;
  long RecursionCount;
  HANDLE OwningThread;
  HANDLE LockSemaphore;
  ULONG_PTR SpinCount;
} RTL_CRITICAL_SECTION, *PRTL_CRITICAL_SECTION;
typedef RTL_CRITICAL_SECTION CRITICAL_SECTION;
typedef PRTL_CRITICAL_SECTION PCRITICAL_SECTION;
typedef PRTL_CRITICAL_SECTION LPCRITICAL_SECTION;

typedef struct _RTL_SRWLOCK { void *Ptr; } RTL_SRWLOCK, SRWLOCK, *PSRWLOCK;
typedef struct _RTL_CONDITION_VARIABLE { void *Ptr; } CONDITION_VARIABLE,
    *PCONDITION_VARIABLE;

#ifdef __cplusplus
extern "C" {
#endif
void InitializeCriticalSection(LPCRITICAL_SECTION lpCriticalSection);
BOOL InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION lpCriticalSection,
                                           DWORD dwSpinCount);
BOOL InitializeCriticalSectionEx(LPCRITICAL_SECTION lpCriticalSection,
                                 DWORD dwSpinCount, DWORD Flags);
void DeleteCriticalSection(LPCRITICAL_SECTION lpCriticalSection);
void EnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection);
void LeaveCriticalSection(LPCRITICAL_SECTION lpCriticalSection);
BOOL TryEnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection);
DWORD SetCriticalSectionSpinCount(LPCRITICAL_SECTION lpCriticalSection,
                                  DWORD dwSpinCount);
void InitializeSRWLock(PSRWLOCK SRWLock);
void InitializeConditionVariable(PCONDITION_VARIABLE ConditionVariable);
HANDLE GetProcessHeap(void);
LPVOID HeapAlloc(HANDLE hHeap, DWORD dwFlags, unsigned long long dwBytes);
BOOL HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem);
void free(void *);
void *malloc(unsigned long long);
#ifdef __cplusplus
}
#endif
