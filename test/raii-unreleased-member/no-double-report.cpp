// RUN: %check_raii_tidy %s 'raii-*' %t -- -- -I %S/../Inputs

// With every raii check enabled each leak is reported once: critical
// sections by raii-critical-section-leak, the rest by raii-unreleased-member.
#include "windows.h" // declares malloc and free too

class CCache {
public:
  CCache() {
    InitializeCriticalSection(&m_cs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_cs' is initialized in constructor 'CCache' but never deleted in destructor '~CCache' [raii-critical-section-leak]
    m_pData = malloc(64);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: memory 'm_pData' is allocated by 'malloc' in constructor 'CCache' but never freed in destructor '~CCache' [raii-unreleased-member]
  }
  ~CCache() {
    m_count = 0;
  }
  // CHECK-FIXES: {{^}}  ~CCache() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    m_count = 0;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    {{DeleteCriticalSection\(&m_cs\);|free\(m_pData\);}}{{$}}
  // CHECK-FIXES-NEXT: {{^}}    {{DeleteCriticalSection\(&m_cs\);|free\(m_pData\);}}{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  CCache(const CCache &) = delete;
  CCache &operator=(const CCache &) = delete;

private:
  CRITICAL_SECTION m_cs;
  void *m_pData;
  int m_count;
};

