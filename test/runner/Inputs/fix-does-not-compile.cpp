#include "windows.h"

// clang-tidy sees a declaration the compiler of the fixed file does not.
#ifdef TIDY_ONLY
void DestroyLock(LPCRITICAL_SECTION);
#endif

class Leaky {
public:
  Leaky() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: critical section 'm_cs' is initialized in constructor 'Leaky' but never deleted in destructor '~Leaky' [raii-critical-section-leak]
  ~Leaky() {}
  // CHECK-FIXES: {{^}}  ~Leaky() { DestroyLock(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};
