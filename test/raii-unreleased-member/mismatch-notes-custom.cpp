// RUN: %check_raii_tidy %s raii-unreleased-member %t -- \
// RUN:   -config="{CheckOptions: {raii-unreleased-member.CustomFamilies: 'lib token: _ = lib::MakeToken() -> lib::DropToken(&_); lib handle: _ = lib::OpenHandle() -> lib::CloseHandle(_)'}}" \
// RUN:   -- -std=c++17

// The wrong-release notes that only user-defined families reach: a release
// that takes the resource's address cannot replace one given its value, and
// a release declared after the wrong one cannot be called there.
#include <stdlib.h>

namespace lib {
void *MakeToken();
void DropToken(void **);
void *OpenHandle();
} // namespace lib

class Token {
public:
  Token() : t_(lib::MakeToken()) {}
  ~Token() { free(t_); }
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: lib token 't_' is acquired by 'MakeToken' in constructor 'Token' but released by 'free' in '~Token'; it must be released by 'DropToken' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE-3]]:16: note: 't_' is acquired here
  // CHECK-NOTES: :[[@LINE-3]]:14: note: no fix-it: the release takes the resource's address
  Token(const Token &) = delete;
  Token &operator=(const Token &) = delete;

private:
  void *t_;
};

class Handle {
public:
  Handle() : h_(lib::OpenHandle()) {}
  ~Handle() { free(h_); }
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: lib handle 'h_' is acquired by 'OpenHandle' in constructor 'Handle' but released by 'free' in '~Handle'; it must be released by 'CloseHandle' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: 'h_' is acquired here
  // CHECK-NOTES: :[[@LINE-3]]:15: note: no fix-it: 'CloseHandle' is not declared before the release
  Handle(const Handle &) = delete;
  Handle &operator=(const Handle &) = delete;

private:
  void *h_;
};

namespace lib {
void CloseHandle(void *);
} // namespace lib
