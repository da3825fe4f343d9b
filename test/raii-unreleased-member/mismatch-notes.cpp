// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// A wrong release gets no fix-it, and a note says why, when the right one
// cannot be written in its place.
#include <stdio.h>
#include <stdlib.h>

// fclose must not be given a null pointer, which free accepted.
class Log {
public:
  Log() : f_(fopen("log", "a")) {}
  ~Log() { free(f_); }
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: file 'f_' is opened by 'fopen' in constructor 'Log' but released by 'free' in '~Log'; it must be closed by 'fclose' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE-3]]:14: note: 'f_' is opened here
  // CHECK-NOTES: :[[@LINE-3]]:12: note: no fix-it: 'fclose' must not be given a null value
  Log(const Log &) = delete;
  Log &operator=(const Log &) = delete;

private:
  FILE *f_;
};

// The wrong release is written by a macro.
#define DROP(p) delete p
class Names {
public:
  Names() : buf_(new char[4]) {}
  ~Names() { DROP(buf_); }
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: memory 'buf_' is allocated by 'new[]' in constructor 'Names' but released by 'delete' in '~Names'; it must be deleted by 'delete[]' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE-6]]:17: note: expanded from macro 'DROP'
  // CHECK-NOTES: :[[@LINE-4]]:18: note: 'buf_' is allocated here
  // CHECK-NOTES: :[[@LINE-4]]:14: note: no fix-it: the release comes from a macro
  // CHECK-NOTES: :[[@LINE-9]]:17: note: expanded from macro 'DROP'
  Names(const Names &) = delete;
  Names &operator=(const Names &) = delete;

private:
  char *buf_;
};
