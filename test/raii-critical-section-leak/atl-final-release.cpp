// ATL objects: CComObject<T>'s destructor calls T::FinalRelease() before
// ~T(), so for a class derived from CComObjectRootEx or CComObjectRoot (the
// FinalReleaseBases option) what FinalRelease() releases is released, and a
// missing release is written into FinalRelease() when the class has one.
//
// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"
#include "atlcom.h"

// Released in FinalRelease: silent (it used to be reported as "deleted in
// 'FinalRelease', which the destructor does not call").
class CStore : public CComObjectRootEx<CComMultiThreadModel> {
public:
  CStore() { InitializeCriticalSection(&m_cs); }
  ~CStore() {}
  void FinalRelease() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// Through the typedef, and released by a helper FinalRelease calls.
class CFolder : public CComObjectRoot {
public:
  CFolder() { InitializeCriticalSection(&m_cs); }
  void FinalRelease() { Close(); }

private:
  void Close() { DeleteCriticalSection(&m_cs); }
  CRITICAL_SECTION m_cs;
};

// Leaked, with a FinalRelease: the release goes there.
class CTable : public CComObjectRootEx<CComSingleThreadModel> {
public:
  CTable() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: critical section 'm_cs' is initialized in constructor 'CTable' but never deleted in destructor '~CTable' [raii-critical-section-leak]
  ~CTable() {}
  void FinalRelease() { m_rows = 0; }
  // CHECK-MESSAGES: :[[@LINE-1]]:8: note: 'FinalRelease' runs before the destructor (ATL's CComObject calls it): the fix-it writes the release of 'm_cs' into it
  // CHECK-FIXES: {{^}}  void FinalRelease() { m_rows = 0; DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
  int m_rows = 0;
};

// Leaked, without a FinalRelease of its own: the destructor, as before.
class CRow : public CComObjectRoot {
public:
  CRow() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: critical section 'm_cs' is initialized in constructor 'CRow' but never deleted in destructor '~CRow' [raii-critical-section-leak]
  ~CRow() {}
  // CHECK-FIXES: {{^}}  ~CRow() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// A class template over the threading model (a dependent base).
template <class ThreadModel>
class CQueue : public CComObjectRootEx<ThreadModel> {
public:
  CQueue() { InitializeCriticalSection(&m_cs); }
  void FinalRelease() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// Not an ATL object: nothing calls FinalRelease for it.
class CPlain {
public:
  CPlain() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: critical section 'm_cs' is initialized in constructor 'CPlain' but never deleted in destructor '~CPlain' [raii-critical-section-leak]
  ~CPlain() {}
  void FinalRelease() { DeleteCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:25: note: 'm_cs' is deleted in 'FinalRelease', which the destructor does not call

private:
  CRITICAL_SECTION m_cs;
};

// Leaked, with a FinalRelease, but one constructor leaves it uninitialized:
// no fix-it, and the note says only when FinalRelease runs.
class CCell : public CComObjectRoot {
public:
  CCell() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: critical section 'm_cs' is initialized in constructor 'CCell' but never deleted in destructor '~CCell' [raii-critical-section-leak]
  CCell(int) {}
  ~CCell() {}
  void FinalRelease() {}
  // CHECK-MESSAGES: :[[@LINE-1]]:8: note: 'FinalRelease' runs before the destructor (ATL's CComObject calls it){{$}}

private:
  CRITICAL_SECTION m_cs;
};
