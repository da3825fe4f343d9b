// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Aliases: one allocation held by two members is released once, through
// either; a destructor or helper that releases through a local copy
// releases it. Never a second release.
#include <stdlib.h>

struct T {
  int V = 0;
};

class Chained {
public:
  Chained() { a_ = b_ = new T; }
  ~Chained() { delete a_; }
  Chained(const Chained &) = delete;
  Chained &operator=(const Chained &) = delete;

private:
  T *a_;
  T *b_;
};

class InitializedFromOther {
public:
  InitializedFromOther() : a_(static_cast<char *>(malloc(4))), b_(a_) {}
  ~InitializedFromOther() { free(b_); }
  InitializedFromOther(const InitializedFromOther &) = delete;
  InitializedFromOther &operator=(const InitializedFromOther &) = delete;

private:
  char *a_;
  char *b_;
};

class AssignedFromOther {
public:
  AssignedFromOther() {
    a_ = static_cast<char *>(malloc(4));
    b_ = a_;
  }
  ~AssignedFromOther() { free(b_); }
  AssignedFromOther(const AssignedFromOther &) = delete;
  AssignedFromOther &operator=(const AssignedFromOther &) = delete;

private:
  char *a_;
  char *b_;
};

class ThroughLocal {
public:
  ThroughLocal() : p_(new T) {}
  ~ThroughLocal() {
    T *Tmp = p_;
    p_ = nullptr;
    delete Tmp;
  }
  ThroughLocal(const ThroughLocal &) = delete;
  ThroughLocal &operator=(const ThroughLocal &) = delete;

private:
  T *p_;
};

class HelperThroughLocal {
public:
  HelperThroughLocal() : p_(new T) {}
  ~HelperThroughLocal() { reset(); }
  HelperThroughLocal(const HelperThroughLocal &) = delete;
  HelperThroughLocal &operator=(const HelperThroughLocal &) = delete;

private:
  void reset() {
    T *Old = p_;
    p_ = nullptr;
    delete Old;
  }
  T *p_;
};

// Control: two members, two allocations, one released.
class TwoAllocations {
public:
  TwoAllocations() : a_(new T), b_(new T) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: memory 'b_' is allocated by 'new' in constructor 'TwoAllocations' but never deleted in destructor '~TwoAllocations' [raii-unreleased-member]
  ~TwoAllocations() { delete a_; }
  // CHECK-FIXES: {{^}}  ~TwoAllocations() { delete a_; delete b_; }{{$}}
  TwoAllocations(const TwoAllocations &) = delete;
  TwoAllocations &operator=(const TwoAllocations &) = delete;

private:
  T *a_;
  T *b_;
};
