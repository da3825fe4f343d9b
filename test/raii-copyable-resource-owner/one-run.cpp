// RUN: %check_raii_tidy %s 'raii-*' %t -- -- -I %S/../Inputs -std=c++17

// One --fix run leaves a class clean: the copy check judges the class as
// the leak checks' fix-its of the same run leave it, so the release and the
// deleted copies are written together (and a second run is silent, which
// the runner checks).
#include "windows.h"

// CHECK-MESSAGES: :[[@LINE+1]]:7: warning: class 'Scratch' owns memory 'bytes_', allocated in constructor 'Scratch' and deleted by the fix-it for its leak, but its copy constructor and copy assignment operator are implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
class Scratch {
public:
  Scratch() : bytes_(new unsigned char[40]) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: memory 'bytes_' is allocated by 'new[]' in constructor 'Scratch' but never deleted; 'Scratch' has no user-declared destructor [raii-unreleased-member]
  int first() const { return bytes_[0]; }

private:
  unsigned char *bytes_;
};
// CHECK-FIXES: {{^}}  Scratch() : bytes_(new unsigned char[40]) {}{{$}}
// CHECK-FIXES-NEXT: {{^}}  Scratch(const Scratch &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Scratch &operator=(const Scratch &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  ~Scratch() { delete[] bytes_; }{{$}}

// CHECK-MESSAGES: :[[@LINE+1]]:7: warning: class 'CStore' owns critical section 'm_cs', initialized in constructor 'CStore' and deleted by the fix-it for its leak, but its copy constructor is defaulted and its copy assignment operator is implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
class CStore {
public:
  CStore() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: critical section 'm_cs' is initialized in constructor 'CStore' but never deleted in destructor '~CStore' [raii-critical-section-leak]
  ~CStore() {}
  // CHECK-FIXES: {{^}}  ~CStore() { DeleteCriticalSection(&m_cs); }{{$}}
  CStore(const CStore &) = default;
  // CHECK-FIXES: {{^}}  CStore(const CStore &) = delete;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  CStore &operator=(const CStore &) = delete;{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// A NOLINT comment may keep the leak's fix from being applied: the copies
// are then not judged as if it were.
class Suppressed {
public:
  Suppressed() : p_(new int) {} // NOLINT(raii-unreleased-member)
  ~Suppressed() {}

private:
  int *p_;
};

// A leak without a fix-it does not make the class an owner either.
class TwoCtors {
public:
  TwoCtors() : p_(new int) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: memory 'p_' is allocated by 'new' in constructor 'TwoCtors' but never deleted in destructor '~TwoCtors' [raii-unreleased-member]
  explicit TwoCtors(int) {}
  ~TwoCtors() {}

private:
  int *p_;
};
