// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- \
// RUN:   -config="{CheckOptions: {raii-critical-section-leak.LifecyclePairs: 'Setup:Teardown:once;Prepare:~'}}" \
// RUN:   -- -I %S/../Inputs

// LifecyclePairs replaces the default pairs: Setup/Teardown is a pair whose
// closing method runs once, after the opening one; Prepare is closed by the
// destructor only; Init/Term are no pair any more.
#include "windows.h"

class Fixture {
public:
  void Setup() { InitializeCriticalSection(&m_cs); }
  void Teardown() {}

private:
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-6]]:18: warning: critical section 'm_cs' is initialized in 'Setup' but deleted neither in 'Teardown' nor in the implicit destructor of 'Fixture' [raii-critical-section-leak]
// CHECK-FIXES: {{^}}  void Teardown() { DeleteCriticalSection(&m_cs); }{{$}}

class Prepared {
public:
  ~Prepared() {}
  void Prepare() { InitializeCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-5]]:20: warning: critical section 'm_cs' is initialized in 'Prepare' but never deleted in destructor '~Prepared' [raii-critical-section-leak]
// CHECK-MESSAGES: :[[@LINE-6]]:20: note: no fix-it: the destructor may run without 'Prepare'

class NotAPairHere {
public:
  void Init() { InitializeCriticalSection(&m_cs); }
  void Term() {}

private:
  CRITICAL_SECTION m_cs;
};
