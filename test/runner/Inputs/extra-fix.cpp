#include "windows.h"

// Both classes leak and both destructors are fixed, but the test names only
// the first fix: the second is a fix-it the test does not expect.
class Named {
public:
  Named() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: critical section 'm_cs' is initialized in constructor 'Named' but never deleted in destructor '~Named' [raii-critical-section-leak]
  ~Named() {}
  // CHECK-FIXES: {{^}}  ~Named() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

class Unnamed {
public:
  Unnamed() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: critical section 'm_cs' is initialized in constructor 'Unnamed' but never deleted in destructor '~Unnamed' [raii-critical-section-leak]
  ~Unnamed() {}

private:
  CRITICAL_SECTION m_cs;
};
