// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

// A critical section held in a `void *` member (code that hides its types
// from its header): what the member points to is tracked through the cast
// the initialization gives it, and the fix-it casts the same way.
#include "windows.h"

class Opaque {
public:
  Opaque() {
    m_cs = new CRITICAL_SECTION;
    InitializeCriticalSection((CRITICAL_SECTION *)m_cs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_cs' is initialized in constructor 'Opaque' but never deleted in destructor '~Opaque' [raii-critical-section-leak]
  }
  ~Opaque() { delete (CRITICAL_SECTION *)m_cs; }
  // CHECK-FIXES: {{^}}  ~Opaque() { DeleteCriticalSection(static_cast<CRITICAL_SECTION *>(m_cs)); delete (CRITICAL_SECTION *)m_cs; }{{$}}
  Opaque(const Opaque &) = delete;
  Opaque &operator=(const Opaque &) = delete;
  void lock() { EnterCriticalSection((CRITICAL_SECTION *)m_cs); }
  void unlock() { LeaveCriticalSection((CRITICAL_SECTION *)m_cs); }

private:
  void *m_cs;
};

// Through the Win32 typedefs, deleted: silent.
class OpaqueDeleted {
public:
  OpaqueDeleted() {
    m_cs = new CRITICAL_SECTION;
    InitializeCriticalSection(static_cast<LPCRITICAL_SECTION>(m_cs));
  }
  ~OpaqueDeleted() {
    DeleteCriticalSection(static_cast<LPCRITICAL_SECTION>(m_cs));
    delete static_cast<CRITICAL_SECTION *>(m_cs);
  }
  OpaqueDeleted(const OpaqueDeleted &) = delete;
  OpaqueDeleted &operator=(const OpaqueDeleted &) = delete;

private:
  LPVOID m_cs;
};

// Cast to something else: not a critical section.
struct Other { int x; };
void InitOther(Other *);
class NotACriticalSection {
public:
  NotACriticalSection() { InitOther((Other *)m_p); }
  ~NotACriticalSection() {}

private:
  void *m_p;
};
