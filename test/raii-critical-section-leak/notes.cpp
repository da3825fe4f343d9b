// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Every note of a leak: where it is initialized through a helper, the
// member, the destructor.
class Helper {
public:
  Helper() { Init(); }
  // CHECK-NOTES: :[[@LINE-1]]:14: note: 'm_cs' is initialized through this call in constructor 'Helper'
  ~Helper() {}
  // CHECK-NOTES: :[[@LINE-1]]:3: note: destructor '~Helper' declared here
  // CHECK-NOTES: :[[@LINE-2]]:14: note: FIX-IT applied suggested code changes
  void Init() { InitializeCriticalSection(&m_cs); }
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: critical section 'm_cs' is initialized in constructor 'Helper' but never deleted in destructor '~Helper'

private:
  CRITICAL_SECTION m_cs;
  // CHECK-NOTES: :[[@LINE-1]]:20: note: 'm_cs' declared here
};

struct Implicit {
  // CHECK-NOTES: :[[@LINE-1]]:8: note: class 'Implicit' declared here
  Implicit() { InitializeCriticalSection(&m_cs); }
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: critical section 'm_cs' is initialized in constructor 'Implicit' but never deleted; 'Implicit' has no user-declared destructor
  // CHECK-NOTES: :[[@LINE-2]]:51: note: FIX-IT applied suggested code changes
  CRITICAL_SECTION m_cs;
  // CHECK-NOTES: :[[@LINE-1]]:20: note: 'm_cs' declared here
};
