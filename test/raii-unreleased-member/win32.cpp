// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// The Win32 families against mingw-w64's real <windows.h>.
#include <windows.h>

static DWORD WINAPI Run(LPVOID) { return 0; }

class CWorker {
public:
  CWorker() {
    m_hStop = CreateEventW(NULL, TRUE, FALSE, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: handle 'm_hStop' is created by 'CreateEventW' in constructor 'CWorker' but never closed in destructor '~CWorker' [raii-unreleased-member]
    m_hThread = CreateThread(NULL, 0, Run, this, 0, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: handle 'm_hThread' is created by 'CreateThread' in constructor 'CWorker' but never closed in destructor '~CWorker' [raii-unreleased-member]
    m_hFile = CreateFileW(L"log.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                          FILE_ATTRIBUTE_NORMAL, NULL);
    // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: handle 'm_hFile' is created by 'CreateFileW' in constructor 'CWorker' but never closed in destructor '~CWorker' [raii-unreleased-member]
    m_hMap = CreateFileMappingW(m_hFile, NULL, PAGE_READONLY, 0, 0, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: handle 'm_hMap' is created by 'CreateFileMappingW' in constructor 'CWorker' but never closed in destructor '~CWorker' [raii-unreleased-member]
    m_hSelf = OpenProcess(PROCESS_QUERY_INFORMATION, FALSE, GetCurrentProcessId());
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: handle 'm_hSelf' is created by 'OpenProcess' in constructor 'CWorker' but never closed in destructor '~CWorker' [raii-unreleased-member]
    m_hMutex = CreateMutex(NULL, FALSE, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: handle 'm_hMutex' is created by 'CreateMutexA' in constructor 'CWorker' but never closed in destructor '~CWorker' [raii-unreleased-member]
    RegOpenKeyExW(HKEY_CURRENT_USER, L"Software", 0, KEY_READ, &m_hKey);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: registry key 'm_hKey' is opened by 'RegOpenKeyExW' in constructor 'CWorker' but never closed in destructor '~CWorker' [raii-unreleased-member]
    RegCreateKeyExW(HKEY_CURRENT_USER, L"Software\\Raii", 0, NULL, 0,
                    KEY_WRITE, NULL, &m_hSettings, NULL);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: registry key 'm_hSettings' is opened by 'RegCreateKeyExW' in constructor 'CWorker' but never closed in destructor '~CWorker' [raii-unreleased-member]
    // Using a handle is not handing it off.
    SetEvent(m_hStop);
    WaitForSingleObject(m_hThread, 0);
  }
  ~CWorker() {
    WaitForSingleObject(m_hThread, INFINITE);
  }
  // CHECK-FIXES: {{^}}  ~CWorker() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    WaitForSingleObject(m_hThread, INFINITE);{{$}}
  // The mapping, made from the file, is closed before it.
  // CHECK-FIXES-NEXT: {{^}}    CloseHandle(m_hMap);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    CloseHandle(m_hStop);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    CloseHandle(m_hThread);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    CloseHandle(m_hFile);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    CloseHandle(m_hSelf);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    CloseHandle(m_hMutex);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    RegCloseKey(m_hKey);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    RegCloseKey(m_hSettings);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  CWorker(const CWorker &) = delete;
  CWorker &operator=(const CWorker &) = delete;

private:
  HANDLE m_hStop;
  HANDLE m_hThread;
  HANDLE m_hFile;
  HANDLE m_hMap;
  HANDLE m_hSelf;
  HANDLE m_hMutex;
  HKEY m_hKey;
  HKEY m_hSettings;
};

// Closed by the wrong function: the fix-it names the right one.
class CSwapped {
public:
  CSwapped() : m_hEvent(CreateEventW(NULL, FALSE, FALSE, NULL)) {
    RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software", 0, KEY_READ, &m_hKey);
  }
  ~CSwapped() {
    RegCloseKey((HKEY)m_hEvent);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: handle 'm_hEvent' is created by 'CreateEventW' in constructor 'CSwapped' but released by 'RegCloseKey' in '~CSwapped'; it must be closed by 'CloseHandle' [raii-unreleased-member]
    CloseHandle(m_hKey);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: registry key 'm_hKey' is opened by 'RegOpenKeyExW' in constructor 'CSwapped' but released by 'CloseHandle' in '~CSwapped'; it must be closed by 'RegCloseKey' [raii-unreleased-member]
  }
  // CHECK-FIXES: {{^}}    CloseHandle(m_hEvent);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    //{{$}}
  // CHECK-FIXES-NEXT: {{^}}    RegCloseKey(m_hKey);{{$}}
  CSwapped(const CSwapped &) = delete;
  CSwapped &operator=(const CSwapped &) = delete;

private:
  HANDLE m_hEvent;
  HKEY m_hKey;
};

// Correct owners stay silent.
class CCorrect {
public:
  CCorrect() : m_h(CreateSemaphoreW(NULL, 0, 4, NULL)) {
    RegOpenKeyExW(HKEY_CURRENT_USER, L"Software", 0, KEY_READ, &m_hKey);
  }
  ~CCorrect() {
    if (m_h)
      CloseHandle(m_h);
    RegCloseKey(m_hKey);
  }
  CCorrect(const CCorrect &) = delete;
  CCorrect &operator=(const CCorrect &) = delete;

private:
  HANDLE m_h;
  HKEY m_hKey;
};
