// FinalReleaseBases names the roots whose derived classes have FinalRelease()
// called before the destructor: a code base's own CComObject-like template
// (here CMyRoot), or none (an empty value), when no such template exists.
//
// RUN: %check_raii_tidy -check-suffix=MINE %s raii-critical-section-leak %t -- \
// RUN:   -config="{CheckOptions: {FinalReleaseBases: 'CMyRoot'}}" -- -I %S/../Inputs
// RUN: %check_raii_tidy -check-suffix=NONE %s raii-critical-section-leak %t -- \
// RUN:   -config="{CheckOptions: {raii-critical-section-leak.FinalReleaseBases: ''}}" -- -I %S/../Inputs

#include "windows.h"

class CMyRoot {};

class CObject : public CMyRoot {
public:
  CObject() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:15: warning: critical section 'm_cs' is initialized in constructor 'CObject' but never deleted; 'CObject' has no user-declared destructor [raii-critical-section-leak]
  void FinalRelease() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
