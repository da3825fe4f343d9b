// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- \
// RUN:   -config="{CheckOptions: {raii-critical-section-leak.InitFunctions: '::InitializeCriticalSection;lib::InitLock;::InitLockAt:1', raii-critical-section-leak.DeleteFunctions: '::DestroyLock;::DeleteCriticalSection'}}" \
// RUN:   -- -I %S/../Inputs

#include "windows.h"

// A project's own wrappers, taught through the options.
void DestroyLock(CRITICAL_SECTION *cs);
namespace lib {
void InitLock(CRITICAL_SECTION *cs);
}
void InitLockAt(int spin, CRITICAL_SECTION *cs);

class Wrapped {
public:
  Wrapped() { lib::InitLock(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: critical section 'm_cs' is initialized in constructor 'Wrapped' but never deleted in destructor '~Wrapped' [raii-critical-section-leak]
  ~Wrapped() {}
  // The first usable delete function is the one the fix-it calls.
  // CHECK-FIXES: {{^}}  ~Wrapped() { DestroyLock(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

class ArgumentIndex {
public:
  ArgumentIndex() { InitLockAt(4000, &m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: critical section 'm_cs' is initialized in constructor 'ArgumentIndex' but never deleted in destructor '~ArgumentIndex'
  ~ArgumentIndex() {}
  // CHECK-FIXES: {{^}}  ~ArgumentIndex() { DestroyLock(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// No longer an init function: InitializeCriticalSectionAndSpinCount.
class NotListed {
public:
  NotListed() { InitializeCriticalSectionAndSpinCount(&m_cs, 0); }
  ~NotListed() {}

private:
  CRITICAL_SECTION m_cs;
};

// The wrapper deletes: silent.
class WrapperDeletes {
public:
  WrapperDeletes() { InitializeCriticalSection(&m_cs); }
  ~WrapperDeletes() { DestroyLock(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// Names are matched through inline namespaces and extern "C" blocks, and a
// qualified name matches only in that namespace.
namespace lib {
inline namespace v2 {
void InitLock(CRITICAL_SECTION *cs, int spin);
}
} // namespace lib
extern "C" {
void InitLockAt(int spin, CRITICAL_SECTION *cs, int flags);
}
namespace other {
void InitLock(CRITICAL_SECTION *cs);
}

class Versioned {
public:
  Versioned() { lib::InitLock(&m_cs, 0); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: critical section 'm_cs' is initialized in constructor 'Versioned' but never deleted in destructor '~Versioned'
  ~Versioned() {}
  // CHECK-FIXES: {{^}}  ~Versioned() { DestroyLock(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

class CLinkage {
public:
  CLinkage() { InitLockAt(0, &m_cs, 0); }
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: critical section 'm_cs' is initialized in constructor 'CLinkage' but never deleted in destructor '~CLinkage'
  ~CLinkage() {}
  // CHECK-FIXES: {{^}}  ~CLinkage() { DestroyLock(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

class OtherNamespace {
public:
  OtherNamespace() { other::InitLock(&m_cs); }
  ~OtherNamespace() {}

private:
  CRITICAL_SECTION m_cs;
};
