// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-copyable-resource-owner %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// An adopting wrapper: its constructor stores a resource its caller hands
// in and its destructor releases it. A copy releases it twice, as for a
// class that acquires the resource itself.
#include <windows.h>
#include <stdlib.h>

class Handle {
public:
  explicit Handle(HANDLE h) : h_(h) {}
  ~Handle() {
    if (h_)
      CloseHandle(h_);
  }
  HANDLE get() const { return h_; }

private:
  HANDLE h_;
};
// CHECK-MESSAGES: :[[@LINE-12]]:7: warning: class 'Handle' owns handle 'h_', received in constructor 'Handle' and closed in destructor '~Handle', but its copy constructor and copy assignment operator are implicit: after a copy it is closed twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  explicit Handle(HANDLE h) : h_(h) {}{{$}}
// CHECK-FIXES-NEXT: {{^}}  Handle(const Handle &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Handle &operator=(const Handle &) = delete;{{$}}

// Memory handed in and freed.
class Buffer {
public:
  Buffer(char *p, size_t n) : p_(p), n_(n) {}
  ~Buffer() { free(p_); }
  size_t size() const { return n_; }

private:
  char *p_;
  size_t n_;
};
// CHECK-MESSAGES: :[[@LINE-10]]:7: warning: class 'Buffer' owns memory 'p_', received in constructor 'Buffer' and freed in destructor '~Buffer', but its copy constructor and copy assignment operator are implicit: after a copy it is freed twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  Buffer(char *p, size_t n) : p_(p), n_(n) {}{{$}}
// CHECK-FIXES-NEXT: {{^}}  Buffer(const Buffer &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Buffer &operator=(const Buffer &) = delete;{{$}}

// Already not copyable, or copying with DuplicateHandle: silent.
class MoveOnly {
public:
  explicit MoveOnly(HANDLE h) : h_(h) {}
  MoveOnly(const MoveOnly &) = delete;
  MoveOnly &operator=(const MoveOnly &) = delete;
  ~MoveOnly() { CloseHandle(h_); }

private:
  HANDLE h_;
};

// A borrowed handle, never released: silent.
class Borrower {
public:
  explicit Borrower(HANDLE h) : h_(h) {}
  ~Borrower() {}

private:
  HANDLE h_;
};

// The destructor hands the stored handle to someone else: silent.
void Retire(HANDLE h);
class Retiring {
public:
  explicit Retiring(HANDLE h) : h_(h) {}
  ~Retiring() { Retire(h_); CloseHandle(h_); }

private:
  HANDLE h_;
};
