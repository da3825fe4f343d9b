// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

// The critical-section check uses the same ownership model as the other
// checks: derived destructors, failure paths, user-defined wrappers.
#include "windows.h"

void Fail();

// Deleted on the failure path only: the constructed object still owns it.
class FailurePath {
public:
  explicit FailurePath(bool Ok) {
    InitializeCriticalSection(&m_cs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_cs' is initialized in constructor 'FailurePath' but never deleted in destructor '~FailurePath' [raii-critical-section-leak]
    if (!Ok) {
      DeleteCriticalSection(&m_cs);
      throw 1;
    }
  }
  ~FailurePath() {}
  // CHECK-FIXES: {{^}}  ~FailurePath() { DeleteCriticalSection(&m_cs); }{{$}}
  FailurePath(const FailurePath &) = delete;
  FailurePath &operator=(const FailurePath &) = delete;

private:
  CRITICAL_SECTION m_cs;
};

// Deleted by the derived class's destructor through a base helper.
class LockBase {
public:
  LockBase() { InitializeCriticalSection(&m_cs); }
  virtual ~LockBase() {}
  LockBase(const LockBase &) = delete;
  LockBase &operator=(const LockBase &) = delete;

protected:
  void Term() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

class Lock : public LockBase {
public:
  ~Lock() override { Term(); }
};

// Deleted through a wrapper of the user's, judged by its body.
static void Destroy(CRITICAL_SECTION *Cs) { DeleteCriticalSection(Cs); }

class Wrapped {
public:
  Wrapped() { InitializeCriticalSection(&m_cs); }
  ~Wrapped() { Destroy(&m_cs); }
  Wrapped(const Wrapped &) = delete;
  Wrapped &operator=(const Wrapped &) = delete;

private:
  CRITICAL_SECTION m_cs;
};

// A wrapper that does not delete it: the leak stands.
static void Touch(CRITICAL_SECTION *Cs) { EnterCriticalSection(Cs); }

class TouchedOnly {
public:
  TouchedOnly() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: critical section 'm_cs' is initialized in constructor 'TouchedOnly' but never deleted in destructor '~TouchedOnly' [raii-critical-section-leak]
  ~TouchedOnly() { Touch(&m_cs); }
  // CHECK-FIXES: {{^}}  ~TouchedOnly() { Touch(&m_cs); DeleteCriticalSection(&m_cs); }{{$}}
  TouchedOnly(const TouchedOnly &) = delete;
  TouchedOnly &operator=(const TouchedOnly &) = delete;

private:
  CRITICAL_SECTION m_cs;
};
