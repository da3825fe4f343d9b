#include "windows.h"

class Leaky {
public:
  Leaky() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: critical section 'm_cs' is initialized in constructor 'Leaky' but never deleted in destructor '~Leaky' [raii-critical-section-leak]
  ~Leaky() {}
  // CHECK-FIXES: {{^}}  ~Leaky() { DeleteCriticalSection(&m_other); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};
