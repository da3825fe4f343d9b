// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

#include <stdio.h>
#include <stdlib.h>

// An acquisition through a macro is seen; the fix goes into real code.
#define ALLOC(T, N) static_cast<T *>(malloc(sizeof(T) * (N)))
class ViaMacro {
public:
  ViaMacro() { data_ = ALLOC(int, 8); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: memory 'data_' is allocated by 'malloc' in constructor 'ViaMacro' but never freed in destructor '~ViaMacro' [raii-unreleased-member]
  ~ViaMacro() {}
  // CHECK-FIXES: {{^}}  ~ViaMacro() { free(data_); }{{$}}
  ViaMacro(const ViaMacro &) = delete;
  ViaMacro &operator=(const ViaMacro &) = delete;

private:
  int *data_;
};

// A destructor produced by a macro is not rewritten.
#define EMPTY_DESTRUCTOR(C) ~C() {}
class MacroDestructor {
public:
  MacroDestructor() : f_(fopen("a", "r")) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: file 'f_' is opened by 'fopen' in constructor 'MacroDestructor' but never closed in destructor '~MacroDestructor'
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: no fix-it: the destructor body comes from a macro
  EMPTY_DESTRUCTOR(MacroDestructor)
  // CHECK-FIXES: {{^}}#define EMPTY_DESTRUCTOR(C) ~C() {}{{$}}
  // CHECK-FIXES: {{^}}  EMPTY_DESTRUCTOR(MacroDestructor){{$}}
  MacroDestructor(const MacroDestructor &) = delete;
  MacroDestructor &operator=(const MacroDestructor &) = delete;

private:
  FILE *f_;
};

// A wrong release written by a macro is reported but not rewritten.
#define DROP(p) delete p
class MacroRelease {
public:
  MacroRelease() : buf_(new char[4]) {}
  ~MacroRelease() { DROP(buf_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: memory 'buf_' is allocated by 'new[]' in constructor 'MacroRelease' but released by 'delete' in '~MacroRelease'; it must be deleted by 'delete[]'
  // CHECK-MESSAGES: :[[@LINE-2]]:21: note: no fix-it: the release comes from a macro
  // CHECK-FIXES: {{^}}  ~MacroRelease() { DROP(buf_); }{{$}}
  MacroRelease(const MacroRelease &) = delete;
  MacroRelease &operator=(const MacroRelease &) = delete;

private:
  char *buf_;
};

// Handles in a union and an anonymous struct.
class Variant {
public:
  Variant() { u_.raw = malloc(16); buf_ = (char *)malloc(8); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: memory 'u_.raw' is allocated by 'malloc' in constructor 'Variant' but never freed in destructor '~Variant'
  // CHECK-MESSAGES: :[[@LINE-2]]:51: warning: memory 'buf_' is allocated by 'malloc' in constructor 'Variant' but never freed in destructor '~Variant'
  ~Variant() {}
  // CHECK-FIXES: {{^}}  ~Variant() { free(u_.raw); free(buf_); }{{$}}
  Variant(const Variant &) = delete;
  Variant &operator=(const Variant &) = delete;

private:
  union {
    void *raw;
    long word;
  } u_;
  struct {
    char *buf_;
  };
};
