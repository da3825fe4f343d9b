#include "windows.h"

// CHECK-NOTES promises every note; the test leaves out the note at the
// destructor.
class Leaky {
public:
  Leaky() { InitializeCriticalSection(&m_cs); }
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: critical section 'm_cs' is initialized in constructor 'Leaky' but never deleted in destructor '~Leaky' [raii-critical-section-leak]
  // CHECK-NOTES: :[[@LINE+5]]:20: note: 'm_cs' declared here
  // CHECK-NOTES: :[[@LINE+1]]:13: note: FIX-IT applied suggested code changes
  ~Leaky() {}
  // CHECK-FIXES: {{^}}  ~Leaky() { DeleteCriticalSection(&m_cs); }{{$}}
private:
  CRITICAL_SECTION m_cs;
};
