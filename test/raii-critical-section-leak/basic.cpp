// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Microsoft KB Q265514: the constructor initializes, the destructor forgets.
class CStoreProvider {
public:
  CStoreProvider() { InitializeCriticalSection(&m_csLock); }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: critical section 'm_csLock' is initialized in constructor 'CStoreProvider' but never deleted in destructor '~CStoreProvider' [raii-critical-section-leak]
  ~CStoreProvider() {
    Flush();
  }
  // CHECK-FIXES: {{^}}  ~CStoreProvider() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    Flush();{{$}}
  // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(&m_csLock);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  void Flush() {}

private:
  CRITICAL_SECTION m_csLock;
};

// Qualified call, explicit this, in a condition; one-line destructor body.
class SpinLocked {
public:
  SpinLocked() {
    if (!::InitializeCriticalSectionAndSpinCount(&this->m_cs, 4000))
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: critical section 'm_cs' is initialized in constructor 'SpinLocked' but never deleted in destructor '~SpinLocked'
      m_ok = false;
  }
  ~SpinLocked() {}
  // CHECK-FIXES: {{^}}  ~SpinLocked() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  RTL_CRITICAL_SECTION m_cs;
  bool m_ok = true;
};

// The Ex variant; a body on one line that already does something.
class ExLocked {
public:
  ExLocked() { InitializeCriticalSectionEx(&m_cs, 0, 0); }
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: critical section 'm_cs' is initialized in constructor 'ExLocked' but never deleted in destructor '~ExLocked'
  ~ExLocked() { m_count = 0; }
  // CHECK-FIXES: {{^}}  ~ExLocked() { m_count = 0; DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
  int m_count = 0;
};

// An empty multi-line body: indentation follows the class.
class Empty {
public:
  Empty() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: critical section 'm_cs' is initialized in constructor 'Empty' but never deleted in destructor '~Empty'
  ~Empty() {
  }
  // CHECK-FIXES: {{^}}  ~Empty() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    DeleteCriticalSection(&m_cs);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// Out-of-line constructor and destructor.
class OutOfLine {
public:
  OutOfLine();
  ~OutOfLine();

private:
  CRITICAL_SECTION m_cs;
};

OutOfLine::OutOfLine() { InitializeCriticalSection(&m_cs); }
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: critical section 'm_cs' is initialized in constructor 'OutOfLine' but never deleted in destructor '~OutOfLine'

OutOfLine::~OutOfLine() {
  m_cs.LockCount = 0;
}
// CHECK-FIXES: {{^}}OutOfLine::~OutOfLine() {{{$}}
// CHECK-FIXES-NEXT: {{^}}  m_cs.LockCount = 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}  DeleteCriticalSection(&m_cs);{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}

// Correct classes stay silent.
class Correct {
public:
  Correct() { InitializeCriticalSection(&m_cs); }
  ~Correct() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

class ConditionalDelete {
public:
  ConditionalDelete() { m_init = InitializeCriticalSectionAndSpinCount(&m_cs, 0); }
  ~ConditionalDelete() {
    if (m_init)
      DeleteCriticalSection(&m_cs);
  }

private:
  CRITICAL_SECTION m_cs;
  BOOL m_init;
};

// A private copy constructor that is never defined (the C++03 idiom) never
// runs: it does not block the fix-it.
class NonCopyable03 {
public:
  NonCopyable03() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: critical section 'm_cs' is initialized in constructor 'NonCopyable03' but never deleted in destructor '~NonCopyable03' [raii-critical-section-leak]
  ~NonCopyable03() {}
  // CHECK-FIXES: {{^}}  ~NonCopyable03() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  NonCopyable03(const NonCopyable03 &);
  NonCopyable03 &operator=(const NonCopyable03 &);
  CRITICAL_SECTION m_cs;
};
