// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// The new destructor goes after the last public constructor.
class AfterCtor {
public:
  AfterCtor() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: critical section 'm_cs' is initialized in constructor 'AfterCtor' but never deleted; 'AfterCtor' has no user-declared destructor [raii-critical-section-leak]
  explicit AfterCtor(int) { InitializeCriticalSection(&m_cs); }
  // CHECK-FIXES: {{^}}  explicit AfterCtor(int) { InitializeCriticalSection(&m_cs); }{{$}}
  // CHECK-FIXES-NEXT: {{^}}  ~AfterCtor() { DeleteCriticalSection(&m_cs); }{{$}}
  void lock() { EnterCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// A constructor declared in the class and defined outside: after its ';'.
class Declared {
public:
  Declared(); // the only constructor
  // CHECK-FIXES: {{^}}  Declared(); // the only constructor{{$}}
  // CHECK-FIXES-NEXT: {{^}}  ~Declared() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};
Declared::Declared() { InitializeCriticalSection(&m_cs); }
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: critical section 'm_cs' is initialized in constructor 'Declared' but never deleted; 'Declared' has no user-declared destructor

// No public constructor (a factory): the destructor must still be public,
// as the implicit one was.
class Factory {
  Factory() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: critical section 'm_cs' is initialized in constructor 'Factory' but never deleted; 'Factory' has no user-declared destructor
  CRITICAL_SECTION m_cs;

public:
  static Factory *create() { return new Factory; }
private:
  int m_unused = 0;
};
// CHECK-FIXES: {{^}}  int m_unused = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}public:{{$}}
// CHECK-FIXES-NEXT: {{^}}  ~Factory() { DeleteCriticalSection(&m_cs); }{{$}}
// CHECK-FIXES-NEXT: {{^}}};{{$}}

// Already public at the end: no access specifier is added.
struct EndsPublic {
private:
  EndsPublic() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: critical section 'm_cs' is initialized in constructor 'EndsPublic' but never deleted; 'EndsPublic' has no user-declared destructor
  CRITICAL_SECTION m_cs;
  friend struct Maker;
public:
  int m_value = 0;
};
// CHECK-FIXES: {{^}}  int m_value = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  ~EndsPublic() { DeleteCriticalSection(&m_cs); }{{$}}
// CHECK-FIXES-NEXT: {{^}}};{{$}}

// Four-space indentation is kept.
namespace ns {
    class Wide {
    public:
        Wide() { InitializeCriticalSection(&m_cs); }
        // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: critical section 'm_cs' is initialized in constructor 'Wide' but never deleted; 'Wide' has no user-declared destructor
        // CHECK-FIXES: {{^}}        Wide() { InitializeCriticalSection(&m_cs); }{{$}}
        // CHECK-FIXES-NEXT: {{^}}        ~Wide() { DeleteCriticalSection(&m_cs); }{{$}}

    private:
        CRITICAL_SECTION m_cs;
    };
}
