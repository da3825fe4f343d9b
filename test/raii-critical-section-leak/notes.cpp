// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Every note of a leak, in the order clang-tidy prints them: where the
// constructor reaches the initialization, the member, the destructor.
class Helper {
public:
  Helper() { Init(); }
  ~Helper() {}
  void Init() { InitializeCriticalSection(&m_cs); }
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: critical section 'm_cs' is initialized in constructor 'Helper' but never deleted in destructor '~Helper' [raii-critical-section-leak]
  // CHECK-NOTES: :[[@LINE-3]]:14: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-5]]:14: note: 'm_cs' is initialized through this call in constructor 'Helper'
  // CHECK-NOTES: :[[@LINE+5]]:20: note: 'm_cs' declared here
  // CHECK-NOTES: :[[@LINE-6]]:3: note: destructor '~Helper' declared here
  // CHECK-FIXES: {{^}}  ~Helper() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// With an implicit destructor the note points at the class.
struct Implicit {
  Implicit() { InitializeCriticalSection(&m_cs); }
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: critical section 'm_cs' is initialized in constructor 'Implicit' but never deleted; 'Implicit' has no user-declared destructor [raii-critical-section-leak]
  // CHECK-NOTES: :[[@LINE-2]]:51: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE+4]]:20: note: 'm_cs' declared here
  // CHECK-NOTES: :[[@LINE-5]]:8: note: class 'Implicit' declared here
  // CHECK-FIXES: {{^}}  Implicit() { InitializeCriticalSection(&m_cs); }{{$}}
  // CHECK-FIXES-NEXT: {{^}}  ~Implicit() { DeleteCriticalSection(&m_cs); }{{$}}
  CRITICAL_SECTION m_cs;
};
