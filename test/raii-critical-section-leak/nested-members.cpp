// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// A member of a plain aggregate member belongs to the class.
struct State {
  CRITICAL_SECTION cs;
  int count;
};
class Aggregate {
public:
  Aggregate() { InitializeCriticalSection(&m_state.cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: critical section 'm_state.cs' is initialized in constructor 'Aggregate' but never deleted in destructor '~Aggregate' [raii-critical-section-leak]
  ~Aggregate() {}
  // CHECK-FIXES: {{^}}  ~Aggregate() { DeleteCriticalSection(&m_state.cs); }{{$}}

private:
  State m_state;
};

// Anonymous structs and unions are transparent.
class Anonymous {
public:
  Anonymous() { InitializeCriticalSection(&cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: critical section 'cs' is initialized in constructor 'Anonymous' but never deleted in destructor '~Anonymous'
  ~Anonymous() {}
  // CHECK-FIXES: {{^}}  ~Anonymous() { DeleteCriticalSection(&cs); }{{$}}

private:
  union {
    CRITICAL_SECTION cs;
    SRWLOCK srw;
  };
};

// A member whose class manages its own critical section is that class's
// business.
class Lock {
public:
  Lock() { InitializeCriticalSection(&m_cs); }
  ~Lock() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
class UsesLock {
public:
  UsesLock() {}
  ~UsesLock() {}

private:
  Lock m_lock;
};
