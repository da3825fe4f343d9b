// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Through a chain of member functions, defined in and out of the class.
class Chain {
public:
  Chain() { Setup(); }
  ~Chain() { Teardown(); }
  // CHECK-FIXES: {{^}}  ~Chain() { Teardown(); DeleteCriticalSection(&m_cs); }{{$}}
  void Setup();
  void InitLock() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: critical section 'm_cs' is initialized in constructor 'Chain' but never deleted in destructor '~Chain' [raii-critical-section-leak]
  void Teardown() { m_ready = false; }

private:
  CRITICAL_SECTION m_cs;
  bool m_ready = false;
};
void Chain::Setup() {
  InitLock();
  m_ready = true;
}

// The destructor deletes through a helper: silent. Mutual recursion between
// helpers terminates.
class ViaHelper {
public:
  ViaHelper() { Open(3); }
  ~ViaHelper() { Close(3); }
  void Open(int n) {
    if (n > 0)
      Open(n - 1);
    else
      InitializeCriticalSection(&m_cs);
  }
  void Close(int n) { n > 0 ? Close2(n - 1) : DeleteCriticalSection(&m_cs); }
  void Close2(int n) { Close(n); }

private:
  CRITICAL_SECTION m_cs;
};

// A delegating constructor: the target initializes.
class Delegating {
public:
  Delegating() : Delegating(4000) {}
  explicit Delegating(DWORD spin) {
    InitializeCriticalSectionAndSpinCount(&m_cs, spin);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_cs' is initialized in constructor 'Delegating' but never deleted; 'Delegating' has no user-declared destructor
  }
  // CHECK-FIXES: {{^}}    InitializeCriticalSectionAndSpinCount(&m_cs, spin);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    //{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  // CHECK-FIXES-NEXT: {{^}}  ~Delegating() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// In a member initializer, and in a default member initializer.
class Initializers {
public:
  Initializers() : m_ok(InitializeCriticalSectionAndSpinCount(&m_cs, 0)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: critical section 'm_cs' is initialized in constructor 'Initializers' but never deleted in destructor '~Initializers'
  ~Initializers() { m_ok = 0; }
  // CHECK-FIXES: {{^}}  ~Initializers() { m_ok = 0; DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
  BOOL m_ok;
};

class DefaultInit {
public:
  DefaultInit() {}
  ~DefaultInit() {}
  // CHECK-FIXES: {{^}}  ~DefaultInit() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
  BOOL m_ok = InitializeCriticalSectionAndSpinCount(&m_cs, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: critical section 'm_cs' is initialized in constructor 'DefaultInit' but never deleted in destructor '~DefaultInit'
};

// A lambda run by the constructor.
class Lambda {
public:
  Lambda() {
    auto init = [this] { InitializeCriticalSection(&m_cs); };
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: critical section 'm_cs' is initialized in constructor 'Lambda' but never deleted in destructor '~Lambda'
    init();
  }
  ~Lambda() {}
  // CHECK-FIXES: {{^}}  ~Lambda() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// The destructor calls a member function defined in another translation
// unit: it may delete, so nothing is proven.
class Opaque {
public:
  Opaque() { InitializeCriticalSection(&m_cs); }
  ~Opaque() { Cleanup(); }
  void Cleanup();

private:
  CRITICAL_SECTION m_cs;
};
