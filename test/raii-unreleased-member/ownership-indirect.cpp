// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Indirect calls: a destructor that calls through a pointer to member
// function, a function pointer or a std::function may run any member
// function whose address the class takes, and any lambda it stored.
#include <functional>
#include <stdio.h>
#include <stdlib.h>

class MemberPointer {
public:
  MemberPointer() : p_(new int), cleanup_(&MemberPointer::freeAll) {}
  ~MemberPointer() { (this->*cleanup_)(); }
  MemberPointer(const MemberPointer &) = delete;
  MemberPointer &operator=(const MemberPointer &) = delete;

private:
  void freeAll() { delete p_; }
  int *p_;
  void (MemberPointer::*cleanup_)();
};

class StoredLambda {
public:
  StoredLambda() : buf_(static_cast<char *>(malloc(8))) {
    onExit_ = [this] { free(buf_); };
  }
  ~StoredLambda() { onExit_(); }
  StoredLambda(const StoredLambda &) = delete;
  StoredLambda &operator=(const StoredLambda &) = delete;

private:
  char *buf_;
  std::function<void()> onExit_;
};

class FunctionPointer {
public:
  FunctionPointer() : f_(fopen("/dev/null", "r")), close_(&fclose) {}
  ~FunctionPointer() { close_(f_); }
  FunctionPointer(const FunctionPointer &) = delete;
  FunctionPointer &operator=(const FunctionPointer &) = delete;

private:
  FILE *f_;
  int (*close_)(FILE *);
};

// A lambda in the destructor may never run: no report either way.
class LambdaInDestructor {
public:
  LambdaInDestructor() : p_(new int) {}
  ~LambdaInDestructor() {
    auto Release = [this] { delete p_; };
    Release();
  }
  LambdaInDestructor(const LambdaInDestructor &) = delete;
  LambdaInDestructor &operator=(const LambdaInDestructor &) = delete;

private:
  int *p_;
};

// Control: an indirect call, but the class takes no method's address and
// stores no lambda that releases.
int twice(int);
class IndirectElsewhere {
public:
  IndirectElsewhere() : p_(new int), f_(&twice) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: memory 'p_' is allocated by 'new' in constructor 'IndirectElsewhere' but never deleted in destructor '~IndirectElsewhere' [raii-unreleased-member]
  ~IndirectElsewhere() { f_(1); }
  // CHECK-FIXES: {{^}}  ~IndirectElsewhere() { f_(1); delete p_; }{{$}}
  IndirectElsewhere(const IndirectElsewhere &) = delete;
  IndirectElsewhere &operator=(const IndirectElsewhere &) = delete;

private:
  int *p_;
  int (*f_)(int);
};
