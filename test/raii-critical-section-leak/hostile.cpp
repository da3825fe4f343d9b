// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Odd places and shapes: right verdicts, no crash, no fix-it where it could
// be wrong.

// A class defined inside a function.
void localClass() {
  class Local {
  public:
    Local() { InitializeCriticalSection(&m_cs); }
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: critical section 'm_cs' is initialized in constructor 'Local' but never deleted in destructor '~Local' [raii-critical-section-leak]
    ~Local() {}
    // CHECK-FIXES: {{^}}    ~Local() { DeleteCriticalSection(&m_cs); }{{$}}

  private:
    CRITICAL_SECTION m_cs;
  };
  Local L;
}

// A lambda the constructor runs.
class LambdaInit {
public:
  LambdaInit() {
    auto Init = [this] { InitializeCriticalSection(&m_cs); };
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: critical section 'm_cs' is initialized in constructor 'LambdaInit' but never deleted in destructor '~LambdaInit' [raii-critical-section-leak]
    Init();
  }
  ~LambdaInit() {}
  // CHECK-FIXES: {{^}}  ~LambdaInit() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// The POSIX half of a portable class is not this check's business.
#ifdef _WIN32
class Portable {
public:
  Portable() { InitializeCriticalSection(&m_cs); }
  ~Portable() {}

private:
  CRITICAL_SECTION m_cs;
};
#else
#include <pthread.h>
class Portable {
public:
  Portable() { pthread_mutex_init(&m_mu, nullptr); }
  ~Portable() {}

private:
  pthread_mutex_t m_mu;
};
#endif

// A deleted destructor: the object is never destroyed.
class NeverDestroyed {
public:
  NeverDestroyed() { InitializeCriticalSection(&m_cs); }
  ~NeverDestroyed() = delete;

private:
  CRITICAL_SECTION m_cs;
};

// A base's member initialized in a derived constructor, deleted by no
// destructor of the hierarchy (see base-members.cpp).
class Base {
protected:
  virtual ~Base() {}
  CRITICAL_SECTION m_cs;
};
class Derived : public Base {
public:
  Derived() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: critical section 'm_cs' is initialized in constructor 'Derived' but never deleted in destructor '~Derived' [raii-critical-section-leak]
  ~Derived() override {}
  // CHECK-FIXES: {{^}}  ~Derived() override { DeleteCriticalSection(&m_cs); }{{$}}
};

// The destructor hands the whole object to a friend that deletes: anything
// may happen there, so nothing is proven.
class Friendly {
public:
  Friendly() { InitializeCriticalSection(&m_cs); }
  ~Friendly() { release(*this); }
  friend void release(Friendly &F) { DeleteCriticalSection(&F.m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// A protected virtual destructor, as in a class hierarchy.
class Interface {
public:
  Interface() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: critical section 'm_cs' is initialized in constructor 'Interface' but never deleted in destructor '~Interface' [raii-critical-section-leak]

protected:
  virtual ~Interface() {}
  // CHECK-FIXES: {{^}}  virtual ~Interface() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// References and static members are not owned by the object.
class Borrowing {
public:
  explicit Borrowing(CRITICAL_SECTION &CS) : m_cs(CS) {
    InitializeCriticalSection(&m_cs);
  }
  ~Borrowing() {}

private:
  CRITICAL_SECTION &m_cs;
};

class Shared {
public:
  Shared() { InitializeCriticalSection(&s_cs); }
  ~Shared() {}

private:
  static CRITICAL_SECTION s_cs;
};

// Function-try-blocks: reported, but the destructor is not rewritten.
class TryBlocks {
public:
  TryBlocks() try { InitializeCriticalSection(&m_cs); } catch (...) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:21: warning: critical section 'm_cs' is initialized in constructor 'TryBlocks' but never deleted in destructor '~TryBlocks' [raii-critical-section-leak]
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: no fix-it: the destructor has a function-try-block
  ~TryBlocks() try {
  } catch (...) {
  }
  // CHECK-FIXES: {{^}}  ~TryBlocks() try {{[{]$}}
  // CHECK-FIXES-NEXT: {{^}}  } catch (...) {{[{]$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// Virtual inheritance and a delegating constructor.
struct VirtualBase {
  virtual ~VirtualBase() {}
};
class Diamond : public virtual VirtualBase {
public:
  Diamond() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: critical section 'm_cs' is initialized in constructor 'Diamond' but never deleted in destructor '~Diamond' [raii-critical-section-leak]
  explicit Diamond(int) : Diamond() {}
  ~Diamond() override {}
  // CHECK-FIXES: {{^}}  ~Diamond() override { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// A class declared in a lambda's body, in a function.
void lambdaLocalClass() {
  auto Make = [] {
    class InLambda {
    public:
      InLambda() { InitializeCriticalSection(&m_cs); }
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: critical section 'm_cs' is initialized in constructor 'InLambda' but never deleted in destructor '~InLambda' [raii-critical-section-leak]
      ~InLambda() {}
      // CHECK-FIXES: {{^}}      ~InLambda() { DeleteCriticalSection(&m_cs); }{{$}}

    private:
      CRITICAL_SECTION m_cs;
    };
    InLambda L;
  };
  Make();
}

// A class declared in a nested block of a method.
struct Outer {
  void Run() {
    if (true) {
      struct InBlock {
        InBlock() { InitializeCriticalSection(&m_cs); }
        // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: critical section 'm_cs' is initialized in constructor 'InBlock' but never deleted in destructor '~InBlock' [raii-critical-section-leak]
        ~InBlock() {}
        // CHECK-FIXES: {{^}}        ~InBlock() { DeleteCriticalSection(&m_cs); }{{$}}
        CRITICAL_SECTION m_cs;
      };
      InBlock B;
    }
  }
};
