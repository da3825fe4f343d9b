// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Deliberately process-lifetime: suppressed where it is reported.
class Singleton {
public:
  Singleton() { InitializeCriticalSection(&m_cs); } // NOLINT(raii-critical-section-leak)
  ~Singleton() {}

private:
  CRITICAL_SECTION m_cs;
};

class NextLine {
public:
  NextLine() {
    // NOLINTNEXTLINE(raii-critical-section-leak)
    InitializeCriticalSection(&m_cs);
  }

private:
  CRITICAL_SECTION m_cs;
};

// NOLINTBEGIN(raii-critical-section-leak)
class Block {
public:
  Block() { InitializeCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
// NOLINTEND(raii-critical-section-leak)

// Suppressing another check does not suppress this one.
class OtherCheck {
public:
  OtherCheck() { InitializeCriticalSection(&m_cs); } // NOLINT(bugprone-*)
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: critical section 'm_cs' is initialized in constructor 'OtherCheck' but never deleted; 'OtherCheck' has no user-declared destructor [raii-critical-section-leak]
  // CHECK-FIXES: {{^}}  ~OtherCheck() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};
