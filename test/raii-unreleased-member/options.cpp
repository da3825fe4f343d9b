// RUN: %check_raii_tidy %s raii-unreleased-member %t -- \
// RUN:   -config="{CheckOptions: {raii-unreleased-member.Families: 'new-array;stdio-file', raii-unreleased-member.CustomFamilies: 'lib buffer: _ = lib::GetBuffer(*), _ = lib::CloneBuffer(*) -> lib::PutBuffer(_); lib lock: lib::LockInit(*, &_) -> lib::LockFree(&_); lib pool: _.lib::Pool::Attach() -> _.lib::Pool::Detach()'}}" \
// RUN:   -- -std=c++17

// Families picks default families (heap memory is not among them here);
// CustomFamilies adds the user's own.
#include <stdio.h>
#include <stdlib.h>

namespace lib {
char *GetBuffer(int Size);
char *CloneBuffer(const char *Other);
void PutBuffer(char *Buffer);
struct Lock {
  int State;
};
void LockInit(int Flags, Lock *L);
void LockFree(Lock *L);
class Pool {
public:
  void Attach();
  void Detach();
};
} // namespace lib

class Session {
public:
  Session() : buf_(lib::GetBuffer(64)), copy_(lib::CloneBuffer("x")) {
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lib buffer 'buf_' is acquired by 'GetBuffer' in constructor 'Session' but never released in destructor '~Session' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-2]]:47: warning: lib buffer 'copy_' is acquired by 'CloneBuffer' in constructor 'Session' but never released in destructor '~Session' [raii-unreleased-member]
    lib::LockInit(0, &lock_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: lib lock 'lock_' is acquired by 'LockInit' in constructor 'Session' but never released in destructor '~Session' [raii-unreleased-member]
    pool_.Attach();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: lib pool 'pool_' is acquired by 'Attach' in constructor 'Session' but never released in destructor '~Session' [raii-unreleased-member]
    log_ = fopen("session.log", "a");
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: file 'log_' is opened by 'fopen' in constructor 'Session' but never closed in destructor '~Session' [raii-unreleased-member]
    scratch_ = malloc(16); // heap-memory is not chosen: silent
    names_ = new char[8];
  }
  ~Session() { delete[] names_; }
  // CHECK-FIXES: {{^}}  ~Session() { delete[] names_; lib::PutBuffer(buf_); lib::PutBuffer(copy_); lib::LockFree(&lock_); pool_.Detach(); if (log_) fclose(log_); }{{$}}
  Session(const Session &) = delete;
  Session &operator=(const Session &) = delete;

private:
  char *buf_;
  char *copy_;
  lib::Lock lock_;
  lib::Pool pool_;
  FILE *log_;
  void *scratch_;
  char *names_;
};
