// RUN: %check_raii_tidy -expect-clang-tidy-error %s raii-unreleased-member %t -- -- -std=c++17

#include <stdio.h>
#include <stdlib.h>

// Code with errors never receives a fix-it, and nothing crashes. Every
// diagnostic is listed: the compiler's errors, and the check's warnings.

// A class that compiles, in a file that does not: still reported.
class Leaky {
public:
  Leaky() : p_(malloc(4)), f_(fopen("a", "r")) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: memory 'p_' is allocated by 'malloc' in constructor 'Leaky' but never freed in destructor '~Leaky' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:31: warning: file 'f_' is opened by 'fopen' in constructor 'Leaky' but never closed in destructor '~Leaky' [raii-unreleased-member]
  ~Leaky() {}

private:
  void *p_;
  FILE *f_;
};

class UndeclaredMember {
public:
  UndeclaredMember() { m_missing = malloc(4); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: error: use of undeclared identifier 'm_missing' [clang-diagnostic-error]
  ~UndeclaredMember() { free(m_other); }
  // CHECK-MESSAGES: :[[@LINE-1]]:30: error: use of undeclared identifier 'm_other' [clang-diagnostic-error]
};

class BrokenBody {
public:
  BrokenBody() { p_ = new int[3] }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: error: use of undeclared identifier 'p_' [clang-diagnostic-error]
  ~BrokenBody() {
private:
  // CHECK-MESSAGES: :[[@LINE-1]]:1: error: expected expression [clang-diagnostic-error]
  int *p_;
};

class UnknownType {
public:
  UnknownType() : h_(CreateThing()) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:22: error: use of undeclared identifier 'CreateThing' [clang-diagnostic-error]
  ~UnknownType() { delete h_; }

private:
  Unknown *h_;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: unknown type name 'Unknown' [clang-diagnostic-error]
};

// Calls that do not compile acquire and release nothing the check can
// know of: no warning.
class WrongArguments {
public:
  WrongArguments() { f_ = fopen(); buf_ = (char *)malloc(1, 2); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: error: no matching function for call to 'fopen' [clang-diagnostic-error]
  // CHECK-MESSAGES: :[[@LINE-2]]:51: error: no matching function for call to 'malloc' [clang-diagnostic-error]
  ~WrongArguments() { fclose(f_, 1); free(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: error: no matching function for call to 'fclose' [clang-diagnostic-error]
  // CHECK-MESSAGES: :[[@LINE-2]]:38: error: no matching function for call to 'free' [clang-diagnostic-error]

private:
  FILE *f_;
  char *buf_;
};

template <typename T> class Pending {
public:
  Pending() : items_(new T[]) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:27: error: array size must be specified in new expression with no initializer [clang-diagnostic-error]
  ~Pending() { delete items_ }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: error: expected ';' after expression [clang-diagnostic-error]

private:
  T *items_;
};
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: expected ';' after class [clang-diagnostic-error]
// The file ends inside BrokenBody, on this line:
// CHECK-MESSAGES: :[[@LINE]]:{{[0-9]+}}: error: expected '}' [clang-diagnostic-error]