// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

class InClass {
public:
  InClass() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: critical section 'm_cs' is initialized in constructor 'InClass' but never deleted in destructor '~InClass' [raii-critical-section-leak]
  virtual ~InClass() = default;
  // CHECK-FIXES: {{^}}  virtual ~InClass() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

class OutOfLine {
public:
  OutOfLine() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: critical section 'm_cs' is initialized in constructor 'OutOfLine' but never deleted in destructor '~OutOfLine'
  ~OutOfLine();

private:
  CRITICAL_SECTION m_cs;
};

OutOfLine::~OutOfLine() = default;
// CHECK-FIXES: {{^}}OutOfLine::~OutOfLine() { DeleteCriticalSection(&m_cs); }{{$}}

class Noexcept {
public:
  Noexcept() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: critical section 'm_cs' is initialized in constructor 'Noexcept' but never deleted in destructor '~Noexcept'
  ~Noexcept() noexcept = default;
  // CHECK-FIXES: {{^}}  ~Noexcept() noexcept { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};
