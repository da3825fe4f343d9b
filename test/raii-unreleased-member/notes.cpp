// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

#include <stdio.h>
#include <stdlib.h>

// Released in another member function that the destructor does not call:
// a note names it, and no fix-it is offered.
class Closable {
public:
  Closable() : data_(new int[4]) {}
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: memory 'data_' is allocated by 'new[]' in constructor 'Closable' but never deleted in destructor '~Closable' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE+9]]:8: note: 'data_' declared here
  // CHECK-NOTES: :[[@LINE+5]]:18: note: 'data_' is deleted in 'Close', which the destructor does not call
  // CHECK-NOTES: :[[@LINE+1]]:3: note: destructor '~Closable' declared here
  ~Closable() {}
  Closable(const Closable &) = delete;
  Closable &operator=(const Closable &) = delete;
  void Close() { delete[] data_; data_ = nullptr; }

private:
  int *data_;
};

// A constructor that does not acquire it: releasing it in the destructor
// would close an unopened stream, so no fix-it.
class TwoWays {
public:
  TwoWays() : f_(fopen("log", "a")) {}
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: file 'f_' is opened by 'fopen' in constructor 'TwoWays' but never closed in destructor '~TwoWays' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE+7]]:9: note: 'f_' declared here
  // CHECK-NOTES: :[[@LINE+3]]:3: note: destructor '~TwoWays' declared here
  // CHECK-NOTES: :[[@LINE+1]]:3: note: no fix-it: constructor 'TwoWays' leaves it unopened
  TwoWays(int) {}
  ~TwoWays() {}

private:
  FILE *f_;
};

// Acquired through a helper: a note at the call.
class ViaHelper {
public:
  ViaHelper() { Open(); }
  ~ViaHelper() {}
  ViaHelper(const ViaHelper &) = delete;
  ViaHelper &operator=(const ViaHelper &) = delete;

private:
  void Open() { f_ = fopen("x", "r"); }
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: file 'f_' is opened by 'fopen' in constructor 'ViaHelper' but never closed in destructor '~ViaHelper' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE-7]]:17: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-9]]:17: note: 'f_' is opened through this call in constructor 'ViaHelper'
  // CHECK-NOTES: :[[@LINE+3]]:9: note: 'f_' declared here
  // CHECK-NOTES: :[[@LINE-10]]:3: note: destructor '~ViaHelper' declared here
  // CHECK-FIXES: {{^}}  ~ViaHelper() { if (f_) fclose(f_); }{{$}}
  FILE *f_;
};
