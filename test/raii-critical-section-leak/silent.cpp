// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Nothing here can be proven to leak: the check says nothing.

// The destructor is defined in another translation unit.
class DefinedElsewhere {
public:
  DefinedElsewhere() { InitializeCriticalSection(&m_cs); }
  ~DefinedElsewhere();

private:
  CRITICAL_SECTION m_cs;
};

// A deleted destructor: objects are never destroyed.
class Immortal {
public:
  Immortal() { InitializeCriticalSection(&m_cs); }
  ~Immortal() = delete;

private:
  CRITICAL_SECTION m_cs;
};

// The destructor hands the member to a function that may delete it.
void ReleaseLock(CRITICAL_SECTION *cs);
class HandsOff {
public:
  HandsOff() { InitializeCriticalSection(&m_cs); }
  ~HandsOff() { ReleaseLock(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// Locals, statics and globals are out of scope.
CRITICAL_SECTION g_cs;
class Statics {
public:
  Statics() {
    CRITICAL_SECTION local;
    InitializeCriticalSection(&local);
    InitializeCriticalSection(&s_cs);
    InitializeCriticalSection(&g_cs);
  }
  ~Statics() {}

private:
  static CRITICAL_SECTION s_cs;
};

// SRW locks and condition variables need no deletion.
class Slim {
public:
  Slim() {
    InitializeSRWLock(&m_lock);
    InitializeConditionVariable(&m_cv);
  }

private:
  SRWLOCK m_lock;
  CONDITION_VARIABLE m_cv;
};

// Another object's critical section.
class Other {
public:
  explicit Other(Other *peer) { InitializeCriticalSection(&peer->m_cs); }
  ~Other() {}
  CRITICAL_SECTION m_cs;
};

// Entering and leaving is use, not ownership.
class User {
public:
  User() { InitializeCriticalSection(&m_cs); }
  ~User() {
    EnterCriticalSection(&m_cs);
    LeaveCriticalSection(&m_cs);
    DeleteCriticalSection(&m_cs);
  }

private:
  CRITICAL_SECTION m_cs;
};

// A class defined inside a function is analysed on its own; the lambda's
// own local class does not confuse the enclosing constructor.
void Function() {
  struct Local {
    Local() { InitializeCriticalSection(&m_cs); }
    ~Local() { DeleteCriticalSection(&m_cs); }
    CRITICAL_SECTION m_cs;
  };
  Local l;
}

// Initialized, then handed to a registry that may delete it, or deleted
// again by the constructor itself: the class does not keep it.
void RegisterLock(CRITICAL_SECTION *cs);
class Registered {
public:
  Registered() {
    InitializeCriticalSection(&m_cs);
    RegisterLock(&m_cs);
  }
  ~Registered() {}

private:
  CRITICAL_SECTION m_cs;
};

class Probe {
public:
  Probe() {
    InitializeCriticalSection(&m_cs);
    DeleteCriticalSection(&m_cs);
  }
  ~Probe() {}

private:
  CRITICAL_SECTION m_cs;
};
