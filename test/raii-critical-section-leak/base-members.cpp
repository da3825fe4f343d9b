// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs -std=c++17

// A critical section of a base class that a derived constructor initializes
// must be deleted by a destructor of the hierarchy.
#include "windows.h"

class LockBase {
protected:
  CRITICAL_SECTION m_cs;
};

class Locked : public LockBase {
public:
  Locked() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: critical section 'm_cs' is initialized in constructor 'Locked' but never deleted in destructor '~Locked' [raii-critical-section-leak]
  ~Locked() {}
  // CHECK-FIXES: {{^}}  ~Locked() { DeleteCriticalSection(&m_cs); }{{$}}
};

// The base deletes it: silent.
class Deleting {
public:
  ~Deleting() { DeleteCriticalSection(&m_cs); }

protected:
  CRITICAL_SECTION m_cs;
};

class InitializedHere : public Deleting {
public:
  InitializedHere() { InitializeCriticalSection(&m_cs); }
};
