// MSVC compatibility mode, where Windows code is usually built, gives the
// same verdicts as the default mode: under -fdelayed-template-parsing the
// compiler does not parse the bodies of a template that is never
// instantiated, and the checks parse them (delayed-templates.cpp).
//
// RUN: %check_raii_tidy -check-suffix=ALL %s raii-critical-section-leak %t -- -- \
// RUN:   --target=x86_64-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -fdelayed-template-parsing -I %S/../Inputs
// RUN: %check_raii_tidy -check-suffix=ALL %s raii-critical-section-leak %t -- -- \
// RUN:   -fms-extensions -I %S/../Inputs

#include "windows.h"

class __declspec(novtable) Provider {
public:
  Provider() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:16: warning: critical section 'm_cs' is initialized in constructor 'Provider' but never deleted in destructor '~Provider' [raii-critical-section-leak]
  virtual ~Provider() {}
  // CHECK-FIXES-ALL: {{^}}  virtual ~Provider() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// Instantiated: parsed in both modes.
template <typename T> class Cache {
public:
  Cache() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:13: warning: critical section 'm_cs' is initialized in constructor 'Cache<T>' but never deleted in destructor '~Cache<T>' [raii-critical-section-leak]
  ~Cache() {}
  // CHECK-FIXES-ALL: {{^}}  ~Cache() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
  T m_value;
};
Cache<int> g_cache;

// Never instantiated: the checks parse its delayed bodies.
template <typename T> class Lazy {
public:
  Lazy() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:12: warning: critical section 'm_cs' is initialized in constructor 'Lazy<T>' but never deleted in destructor '~Lazy<T>' [raii-critical-section-leak]
  ~Lazy() {}
  // CHECK-FIXES-ALL: {{^}}  ~Lazy() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};
