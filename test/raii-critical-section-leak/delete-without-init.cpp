// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// The copy constructor forgets to initialize; the destructor deletes an
// uninitialized critical section (undefined behaviour). No fix-it.
class Copyable {
public:
  Copyable() { InitializeCriticalSection(&m_cs); }
  Copyable(const Copyable &other) : m_value(other.m_value) {}
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: critical section 'm_cs' is not initialized in constructor 'Copyable' but is deleted in destructor '~Copyable' [raii-critical-section-leak]
  // CHECK-NOTES: :[[@LINE+2]]:17: note: 'm_cs' is deleted here
  explicit Copyable(int v) : Copyable() { m_value = v; }
  ~Copyable() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
  int m_value = 0;
};

// Deletion guarded by a flag that the other constructor clears: fine.
class Guarded {
public:
  Guarded() : m_init(InitializeCriticalSectionAndSpinCount(&m_cs, 0)) {}
  Guarded(const Guarded &) : m_init(false) {}
  ~Guarded() {
    if (m_init)
      DeleteCriticalSection(&m_cs);
  }

private:
  CRITICAL_SECTION m_cs;
  BOOL m_init;
};

// A constructor that hands the member to another function may initialize
// it there: nothing is proven.
void InitSomehow(CRITICAL_SECTION *cs);
class HandedOff {
public:
  HandedOff() { InitializeCriticalSection(&m_cs); }
  explicit HandedOff(int) { InitSomehow(&m_cs); }
  ~HandedOff() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// Nothing in the class initializes it: borrowed or two-phase, not judged.
class TwoPhase {
public:
  TwoPhase() {}
  ~TwoPhase() { DeleteCriticalSection(&m_cs); }
  void Init() { InitializeCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// A leak in one constructor blocks the fix-it when another constructor
// does not initialize the member: deleting would then be undefined.
class PartlyInitialized {
public:
  PartlyInitialized() { InitializeCriticalSection(&m_cs); }
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: critical section 'm_cs' is initialized in constructor 'PartlyInitialized' but never deleted in destructor '~PartlyInitialized'
  // CHECK-NOTES: :[[@LINE+7]]:20: note: 'm_cs' declared here
  // CHECK-NOTES: :[[@LINE+3]]:3: note: destructor '~PartlyInitialized' declared here
  // CHECK-NOTES: :[[@LINE+1]]:3: note: no fix-it: constructor 'PartlyInitialized' leaves it uninitialized
  PartlyInitialized(int) {}
  ~PartlyInitialized() {}

private:
  CRITICAL_SECTION m_cs;
};
