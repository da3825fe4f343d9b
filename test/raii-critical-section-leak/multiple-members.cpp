// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Applying every fix at once writes one well-formed destructor. The edit is
// carried by the class's first warning.
class NoDestructor {
public:
  NoDestructor() {
    InitializeCriticalSection(&m_read);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_read' is initialized in constructor 'NoDestructor' but never deleted; 'NoDestructor' has no user-declared destructor [raii-critical-section-leak]
    InitializeCriticalSection(&m_write);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_write' is initialized in constructor 'NoDestructor' but never deleted; 'NoDestructor' has no user-declared destructor [raii-critical-section-leak]
  }
  // CHECK-FIXES: {{^}}  }{{$}}
  // CHECK-FIXES-NEXT: {{^}}  ~NoDestructor() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(&m_read);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(&m_write);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}

private:
  CRITICAL_SECTION m_read, m_write;
};

class WithBody {
public:
  WithBody() {
    InitializeCriticalSection(&m_a);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_a' is initialized in constructor 'WithBody' but never deleted in destructor '~WithBody'
    InitializeCriticalSection(&m_b);
    InitializeCriticalSection(&m_c);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_c' is initialized in constructor 'WithBody' but never deleted in destructor '~WithBody'
  }
  ~WithBody() {
    DeleteCriticalSection(&m_b);
  }
  // CHECK-FIXES: {{^}}  ~WithBody() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(&m_b);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(&m_a);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(&m_c);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}

private:
  CRITICAL_SECTION m_a, m_b, m_c;
};

class Defaulted {
public:
  Defaulted() {
    InitializeCriticalSection(&m_a);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_a' is initialized in constructor 'Defaulted' but never deleted in destructor '~Defaulted'
    InitializeCriticalSection(&m_b);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_b' is initialized in constructor 'Defaulted' but never deleted in destructor '~Defaulted'
  }
  ~Defaulted() = default;
  // CHECK-FIXES: {{^}}  ~Defaulted() { DeleteCriticalSection(&m_a); DeleteCriticalSection(&m_b); }{{$}}

private:
  CRITICAL_SECTION m_a, m_b;
};
