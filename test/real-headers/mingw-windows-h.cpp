// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// The focused cases again, against mingw-w64's real declarations (through
// WINBASEAPI/WINAPI macros and typedef chains) and the whole C++ library.
#include <windows.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

class Provider {
public:
  Provider() {
    if (!InitializeCriticalSectionAndSpinCount(&m_cs, 4000))
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: critical section 'm_cs' is initialized in constructor 'Provider' but never deleted in destructor '~Provider' [raii-critical-section-leak]
      m_failed = true;
  }
  virtual ~Provider() {
    m_cache.clear();
  }
  // CHECK-FIXES: {{^}}  virtual ~Provider() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    m_cache.clear();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(&m_cs);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}

private:
  CRITICAL_SECTION m_cs;
  std::map<std::string, std::vector<int>> m_cache;
  bool m_failed = false;
};

class Striped {
public:
  Striped() {
    for (auto &lock : m_locks)
      InitializeCriticalSectionEx(&lock, 0, CRITICAL_SECTION_NO_DEBUG_INFO);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: critical section 'm_locks' is initialized in constructor 'Striped' but never deleted; 'Striped' has no user-declared destructor
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: no fix-it: declaring a destructor would make 'Striped' neither copyable nor movable
  }

private:
  CRITICAL_SECTION m_locks[16];
  std::unique_ptr<int> m_owned;
  std::vector<std::thread> m_workers;
};

class Heap {
public:
  Heap() {
    m_pcs = static_cast<LPCRITICAL_SECTION>(
        HeapAlloc(GetProcessHeap(), 0, sizeof(CRITICAL_SECTION)));
    InitializeCriticalSection(m_pcs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_pcs' is initialized in constructor 'Heap' but never deleted in destructor '~Heap'
  }
  ~Heap() {
    HeapFree(GetProcessHeap(), 0, m_pcs);
  }
  // CHECK-FIXES: {{^}}  ~Heap() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(m_pcs);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    HeapFree(GetProcessHeap(), 0, m_pcs);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}

private:
  LPCRITICAL_SECTION m_pcs;
};

// Correct code, including a COM-style object that deletes itself.
class ComObject {
public:
  ComObject() : m_refs(1) { InitializeCriticalSection(&m_cs); }
  virtual ~ComObject() { DeleteCriticalSection(&m_cs); }
  ULONG Release() {
    ULONG refs = InterlockedDecrement(&m_refs);
    if (refs == 0)
      delete this;
    return refs;
  }

private:
  CRITICAL_SECTION m_cs;
  LONG m_refs;
};

class Slim {
public:
  Slim() {
    InitializeSRWLock(&m_lock);
    InitializeConditionVariable(&m_cv);
  }

private:
  SRWLOCK m_lock;
  CONDITION_VARIABLE m_cv;
  std::mutex m_mutex;
};

// A critical section behind a `void *`, cast through the real typedefs.
class Hidden {
public:
  Hidden() : m_cs(HeapAlloc(GetProcessHeap(), 0, sizeof(CRITICAL_SECTION))) {
    InitializeCriticalSection((LPCRITICAL_SECTION)m_cs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_cs' is initialized in constructor 'Hidden' but never deleted in destructor '~Hidden' [raii-critical-section-leak]
  }
  ~Hidden() { HeapFree(GetProcessHeap(), 0, m_cs); }
  // CHECK-FIXES: {{^}}  ~Hidden() { DeleteCriticalSection(static_cast<LPCRITICAL_SECTION>(m_cs)); HeapFree(GetProcessHeap(), 0, m_cs); }{{$}}
  Hidden(const Hidden &) = delete;
  Hidden &operator=(const Hidden &) = delete;

private:
  LPVOID m_cs;
};
