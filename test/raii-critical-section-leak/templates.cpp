// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// One report for the pattern, however many instantiations there are.
template <typename T> class Guarded {
public:
  Guarded() { Init(); }
  ~Guarded() {}
  // CHECK-FIXES: {{^}}  ~Guarded() { DeleteCriticalSection(&m_cs); }{{$}}
  void Init() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: critical section 'm_cs' is initialized in constructor 'Guarded<T>' but never deleted in destructor '~Guarded<T>' [raii-critical-section-leak]

private:
  CRITICAL_SECTION m_cs;
  T m_value;
};

Guarded<int> a;
Guarded<double> b;
Guarded<char> c;

// An overloaded helper called from a template is not resolved until
// instantiation; every candidate counts.
template <typename T> class Overloaded {
public:
  Overloaded() { this->Open(T()); }
  ~Overloaded() { Close(T()); }
  void Open(int) { InitializeCriticalSection(&m_cs); }
  void Open(double) { InitializeCriticalSection(&m_cs); }
  void Close(int) { DeleteCriticalSection(&m_cs); }
  void Close(double) { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
Overloaded<int> d;

// A member of dependent type is not judged.
template <typename Lock> class Dependent {
public:
  Dependent() { InitializeCriticalSection(&m_lock); }
  ~Dependent() {}

private:
  Lock m_lock;
};
Dependent<CRITICAL_SECTION> e;

// An explicit specialization is a class of its own.
template <> class Dependent<int> {
public:
  Dependent() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: critical section 'm_cs' is initialized in constructor 'Dependent' but never deleted in destructor '~Dependent'
  ~Dependent() {}
  // CHECK-FIXES: {{^}}  ~Dependent() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};
