// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -std=c++98 -I %S/../Inputs

#include "windows.h"

// Before C++11 there is no range-for: an index loop over the array.
class Striped {
public:
  Striped() {
    for (int i = 0; i < 4; ++i)
      InitializeCriticalSection(&m_locks[i]);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: critical section 'm_locks' is initialized in constructor 'Striped' but never deleted in destructor '~Striped' [raii-critical-section-leak]
  }
  ~Striped() {
  }
  // CHECK-FIXES: {{^}}  ~Striped() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (unsigned I = 0; I < sizeof(m_locks) / sizeof(m_locks[0]); ++I) DeleteCriticalSection(&m_locks[I]);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}

private:
  CRITICAL_SECTION m_locks[4];
};
