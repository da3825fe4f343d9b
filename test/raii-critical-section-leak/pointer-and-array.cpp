// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// A heap critical section is deleted, then freed.
class Heap {
public:
  Heap() : m_pcs(new CRITICAL_SECTION) { InitializeCriticalSection(m_pcs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: critical section 'm_pcs' is initialized in constructor 'Heap' but never deleted in destructor '~Heap' [raii-critical-section-leak]
  ~Heap() {
    m_count = 0;
    delete m_pcs;
  }
  // CHECK-FIXES: {{^}}  ~Heap() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    m_count = 0;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(m_pcs);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    delete m_pcs;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}

private:
  CRITICAL_SECTION *m_pcs;
  int m_count = 0;
};

class HeapAllocFree {
public:
  HeapAllocFree() {
    m_pcs = (LPCRITICAL_SECTION)HeapAlloc(GetProcessHeap(), 0, sizeof(CRITICAL_SECTION));
    InitializeCriticalSection(m_pcs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_pcs' is initialized in constructor 'HeapAllocFree' but never deleted in destructor '~HeapAllocFree'
  }
  ~HeapAllocFree() { HeapFree(GetProcessHeap(), 0, m_pcs); }
  // CHECK-FIXES: {{^}}  ~HeapAllocFree() { DeleteCriticalSection(m_pcs); HeapFree(GetProcessHeap(), 0, m_pcs); }{{$}}

private:
  LPCRITICAL_SECTION m_pcs;
};

// Freed only when non-null: a deletion in front of the test would run on a
// null pointer, so no fix-it.
class GuardedFree {
public:
  GuardedFree() : m_pcs(new CRITICAL_SECTION) { InitializeCriticalSection(m_pcs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: critical section 'm_pcs' is initialized in constructor 'GuardedFree' but never deleted in destructor '~GuardedFree'
  // CHECK-MESSAGES: :[[@LINE-2]]:49: note: no fix-it: its storage is freed conditionally
  ~GuardedFree() {
    if (m_pcs)
      delete m_pcs;
  }

private:
  CRITICAL_SECTION *m_pcs;
};

// A borrowed critical section is not the class's to delete.
class Borrowed {
public:
  explicit Borrowed(CRITICAL_SECTION *cs) : m_pcs(cs) {}
  ~Borrowed() {}

private:
  CRITICAL_SECTION *m_pcs;
};

// Striped locks: a loop over the array.
class Striped {
public:
  Striped() {
    for (int i = 0; i < 8; ++i)
      InitializeCriticalSection(&m_locks[i]);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: critical section 'm_locks' is initialized in constructor 'Striped' but never deleted; 'Striped' has no user-declared destructor
  }
  // CHECK-FIXES: {{^}}  ~Striped() { for (auto &Element : m_locks) DeleteCriticalSection(&Element); }{{$}}

private:
  CRITICAL_SECTION m_locks[8];
};

class PointerArithmetic {
public:
  PointerArithmetic() {
    for (int i = 0; i < 4; ++i)
      InitializeCriticalSection(m_locks + i);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: critical section 'm_locks' is initialized in constructor 'PointerArithmetic' but never deleted in destructor '~PointerArithmetic'
  }
  ~PointerArithmetic() {}
  // CHECK-FIXES: {{^}}  ~PointerArithmetic() { for (auto &Element : m_locks) DeleteCriticalSection(&Element); }{{$}}

private:
  CRITICAL_SECTION m_locks[4];
};

// Deleting in a range-for or an index loop counts.
class LoopsDelete {
public:
  LoopsDelete() {
    for (auto &cs : m_a)
      InitializeCriticalSection(&cs);
    for (unsigned i = 0; i < 2; ++i)
      InitializeCriticalSection(&m_b[i]);
  }
  ~LoopsDelete() {
    for (auto &cs : m_a)
      DeleteCriticalSection(&cs);
    for (unsigned i = 0; i < 2; ++i)
      DeleteCriticalSection(m_b + i);
  }

private:
  CRITICAL_SECTION m_a[2], m_b[2];
};

// Two dimensions: reported, but no loop nest is written.
class TwoDimensions {
public:
  TwoDimensions() { InitializeCriticalSection(&m_grid[0][0]); }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: critical section 'm_grid' is initialized in constructor 'TwoDimensions' but never deleted in destructor '~TwoDimensions'
  // CHECK-MESSAGES: :[[@LINE-2]]:21: note: no fix-it: multi-dimensional arrays are not rewritten
  ~TwoDimensions() {}

private:
  CRITICAL_SECTION m_grid[2][2];
};
