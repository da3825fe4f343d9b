// RUN: %check_raii_tidy -expect-clang-tidy-error %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"
#include "does-not-exist.h"
// CHECK-MESSAGES: :[[@LINE-1]]:10: error: 'does-not-exist.h' file not found [clang-diagnostic-error]

// A missing header: the leak is still reported, but no fix-it is offered.
class Leaky {
public:
  Leaky() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: critical section 'm_cs' is initialized in constructor 'Leaky' but never deleted in destructor '~Leaky' [raii-critical-section-leak]
  ~Leaky() {}

private:
  CRITICAL_SECTION m_cs;
};
