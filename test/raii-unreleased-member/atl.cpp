// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -I %S/../Inputs

// Member-object method pairs: ATL's CComCriticalSection::Init -> Term.
#include "atlbase.h"

class CModule {
public:
  CModule() {
    m_cs.Init();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_cs' is initialized by 'Init' in constructor 'CModule' but never terminated in destructor '~CModule' [raii-unreleased-member]
    for (int I = 0; I < 2; ++I)
      m_stripes[I].Init();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: critical section 'm_stripes' is initialized by 'Init' in constructor 'CModule' but never terminated in destructor '~CModule' [raii-unreleased-member]
    m_pShared->Init();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_pShared' is initialized by 'Init' in constructor 'CModule' but never terminated in destructor '~CModule' [raii-unreleased-member]
    m_cs.Lock();
    m_cs.Unlock();
  }
  ~CModule() {
  }
  // CHECK-FIXES: {{^}}  ~CModule() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    m_cs.Term();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    for (auto &Element : m_stripes) Element.Term();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    m_pShared->Term();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    delete m_pShared;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  CModule(const CModule &) = delete;
  CModule &operator=(const CModule &) = delete;

private:
  CComCriticalSection m_cs;
  ATL::CComCriticalSection m_stripes[2];
  // What it points to is terminated before it is deleted.
  CComCriticalSection *m_pShared = new CComCriticalSection;
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: memory 'm_pShared' is allocated by 'new' in constructor 'CModule' but never deleted in destructor '~CModule' [raii-unreleased-member]
};

// Terminated: silent.
class CGood {
public:
  CGood() { m_cs.Init(); }
  ~CGood() { m_cs.Term(); }
  CGood(const CGood &) = delete;
  CGood &operator=(const CGood &) = delete;

private:
  CComCriticalSection m_cs;
};
