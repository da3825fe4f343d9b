// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// A class is only analysed when its constructors, or the member functions
// they call, can acquire a resource of a reported family. These classes
// acquire only along the less direct paths, which that screening must
// follow; the last ones acquire nothing in a constructor and are silent.
#include <stdio.h>
#include <stdlib.h>

// Through a delegating constructor.
class Delegating {
public:
  Delegating() : Delegating(64) {}
  explicit Delegating(size_t n) : buf_(malloc(n)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: memory 'buf_' is allocated by 'malloc' in constructor 'Delegating' but never freed in destructor '~Delegating' [raii-unreleased-member]
  ~Delegating() {}
  // CHECK-FIXES: {{^}}  ~Delegating() { free(buf_); }{{$}}
  Delegating(const Delegating &) = delete;
  Delegating &operator=(const Delegating &) = delete;

private:
  void *buf_;
};

// Through a chain of helpers.
class Chained {
public:
  Chained() { Init(); }
  ~Chained() {}
  // CHECK-FIXES: {{^}}  ~Chained() { if (f_) fclose(f_); }{{$}}
  Chained(const Chained &) = delete;
  Chained &operator=(const Chained &) = delete;

private:
  void Init() { Open(); }
  void Open() { f_ = fopen("log", "a"); }
  FILE *f_;
  // CHECK-MESSAGES: :[[@LINE-2]]:22: warning: file 'f_' is opened by 'fopen' in constructor 'Chained' but never closed in destructor '~Chained' [raii-unreleased-member]
};

// Through an overloaded helper whose overload a template argument decides.
template <typename T> class Pool {
public:
  Pool() { this->Grow(T()); }
  ~Pool() {}
  // CHECK-FIXES: {{^}}  ~Pool() { delete[] items_; }{{$}}
  Pool(const Pool &) = delete;
  Pool &operator=(const Pool &) = delete;

private:
  void Grow(int) { items_ = new T[8]; }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: memory 'items_' is allocated by 'new[]' in constructor 'Pool<T>' but never deleted in destructor '~Pool<T>' [raii-unreleased-member]
  void Grow(long) { items_ = new T[16]; }
  T *items_;
};

// Through a default member initializer.
class Defaulted {
public:
  Defaulted() {}
  ~Defaulted() {}
  // CHECK-FIXES: {{^}}  ~Defaulted() { delete[] counts_; }{{$}}
  Defaulted(const Defaulted &) = delete;
  Defaulted &operator=(const Defaulted &) = delete;

private:
  int *counts_ = new int[4];
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: memory 'counts_' is allocated by 'new[]' in constructor 'Defaulted' but never deleted in destructor '~Defaulted' [raii-unreleased-member]
};

// Silent: only a member function that no constructor calls acquires, and
// it opens no lifecycle pair (Open() would: see lifecycle.cpp).
class Lazy {
public:
  Lazy() : f_(nullptr) {}
  ~Lazy() {}
  void Reopen() { f_ = fopen("log", "a"); }

private:
  FILE *f_;
};

// Silent: the constructor only uses what it is given.
class Borrower {
public:
  explicit Borrower(FILE *f) : f_(f) { fputs("hello", f_); }
  ~Borrower() {}

private:
  FILE *f_;
};
