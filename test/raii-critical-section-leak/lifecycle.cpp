// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// Two-phase objects (LifecyclePairs): a critical section that an opening
// method initializes must be deleted by its closing method or by the
// destructor. The fix-it goes into a closing method that runs once, only
// after the opening one (ATL's FinalRelease); elsewhere a note says why not.
#include <windows.h>

class Store {
public:
  Store() {}
  ~Store() {}
  void Init() { InitializeCriticalSection(&m_cs); }
  void Term() { m_count = 0; }

private:
  CRITICAL_SECTION m_cs;
  int m_count = 0;
};
// CHECK-MESSAGES: :[[@LINE-7]]:17: warning: critical section 'm_cs' is initialized in 'Init' but deleted neither in 'Term' nor in destructor '~Store' [raii-critical-section-leak]
// CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'm_cs' declared here
// CHECK-MESSAGES: :[[@LINE-8]]:8: note: 'Term' declared here
// CHECK-MESSAGES: :[[@LINE-11]]:3: note: destructor '~Store' declared here
// CHECK-MESSAGES: :[[@LINE-11]]:17: note: no fix-it: 'Term' may run without 'Init', or more than once

// ATL calls FinalRelease once, after FinalConstruct: an empty FinalRelease
// gets the deletion.
class CProvider {
public:
  HRESULT FinalConstruct() {
    InitializeCriticalSection(&m_cs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_cs' is initialized in 'FinalConstruct' but deleted neither in 'FinalRelease' nor in the implicit destructor of 'CProvider' [raii-critical-section-leak]
    return S_OK;
  }
  void FinalRelease() {}
  // CHECK-FIXES: {{^}}  void FinalRelease() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// FinalConstruct may fail before it initializes: no fix-it.
class CEarlyExit {
public:
  HRESULT FinalConstruct() {
    if (!Ready())
      return E_FAIL;
    InitializeCriticalSection(&m_cs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_cs' is initialized in 'FinalConstruct' but deleted neither in 'FinalRelease' nor in the implicit destructor of 'CEarlyExit' [raii-critical-section-leak]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: 'FinalConstruct' may return before 'm_cs' is initialized
    return S_OK;
  }
  void FinalRelease() {}
  bool Ready() const { return true; }

private:
  CRITICAL_SECTION m_cs;
};

// No closing method at all.
class NoClose {
public:
  ~NoClose() {}
  void Initialize() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: critical section 'm_cs' is initialized in 'Initialize' but never deleted: class 'NoClose' has no 'Uninitialize', and it is not deleted in destructor '~NoClose' [raii-critical-section-leak]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: no fix-it: class 'NoClose' has no 'Uninitialize'

private:
  CRITICAL_SECTION m_cs;
};

// Silent: the pair releases, the destructor releases, another method
// releases, or a constructor calls the opening method (the constructor's
// rules apply: see basic.cpp).
class Paired {
public:
  void Open() { InitializeCriticalSection(&m_cs); }
  void Close() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

class DestructorDeletes {
public:
  ~DestructorDeletes() { DeleteCriticalSection(&m_cs); }
  void Start() { InitializeCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

class DestructorCallsClose {
public:
  ~DestructorCallsClose() { Stop(); }
  void Start() { InitializeCriticalSectionAndSpinCount(&m_cs, 4000); }
  void Stop() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

class OtherName {
public:
  void Init() { InitializeCriticalSection(&m_cs); }
  void Shutdown() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

class ClosedElsewhere {
public:
  ~ClosedElsewhere();
  void Init() { InitializeCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// A virtual closing method: a derived class may override it and delete.
class Overridable {
public:
  virtual ~Overridable() {}
  void Init() { InitializeCriticalSection(&m_cs); }
  virtual void Term() {}

protected:
  CRITICAL_SECTION m_cs;
};

class StaticCreate {
public:
  static StaticCreate *Create() { return new StaticCreate; }
};

// A `return` in a member function of a local class, or in a lambda, returns
// from that function, not from FinalConstruct: the deletion is written.
// (The analysis had two "contains a return" searches; the one used here
// looked into local classes and refused the fix-it.)
class CLocalHelper {
public:
  HRESULT FinalConstruct() {
    struct Probe {
      static bool ready() { return true; }
    };
    auto Check = [] { return Probe::ready(); };
    InitializeCriticalSection(&m_cs);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: critical section 'm_cs' is initialized in 'FinalConstruct' but deleted neither in 'FinalRelease' nor in the implicit destructor of 'CLocalHelper' [raii-critical-section-leak]
    return Check() ? S_OK : E_FAIL;
  }
  void FinalRelease() {}
  // CHECK-FIXES: {{^}}  void FinalRelease() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};
