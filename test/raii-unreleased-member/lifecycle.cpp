// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Two-phase objects for every family: what an opening method of a
// LifecyclePairs pair acquires, its closing method or the destructor must
// release.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

class Device {
public:
  Device() : fd_(-1) {}
  ~Device() {}
  bool Open(const char *Path) {
    fd_ = open(Path, O_RDONLY);
    return fd_ >= 0;
  }
  void Close() {}

private:
  int fd_;
};
// CHECK-MESSAGES: :[[@LINE-8]]:11: warning: file descriptor 'fd_' is opened by 'open' in 'Open' but closed neither in 'Close' nor in destructor '~Device' [raii-unreleased-member]
// CHECK-MESSAGES: :[[@LINE-9]]:11: note: no fix-it: 'Close' may run without 'Open', or more than once

// A helper of the opening method acquires: the note shows the way.
class Log {
public:
  void Start() { openFile(); }
  void Stop() { fflush(f_); }

private:
  void openFile() { f_ = fopen("/dev/null", "w"); }
  FILE *f_ = nullptr;
};
// CHECK-MESSAGES: :[[@LINE-3]]:26: warning: file 'f_' is opened by 'fopen' in 'Start' but closed neither in 'Stop' nor in the implicit destructor of 'Log' [raii-unreleased-member]
// CHECK-MESSAGES: :[[@LINE-8]]:18: note: 'f_' is opened through this call in 'Start'
// CHECK-MESSAGES: :[[@LINE-5]]:26: note: no fix-it: 'Stop' may run without 'Start', or more than once
// CHECK-FIXES: {{^}}  void Stop() { fflush(f_); }{{$}}

// ATL-style pair: the closing method runs once, after the opening one.
class Cache {
public:
  long FinalConstruct() {
    buf_ = static_cast<char *>(malloc(64));
    return 0;
  }
  void FinalRelease() { used_ = 0; }

private:
  char *buf_ = nullptr;
  int used_ = 0;
};
// CHECK-MESSAGES: :[[@LINE-9]]:32: warning: memory 'buf_' is allocated by 'malloc' in 'FinalConstruct' but freed neither in 'FinalRelease' nor in the implicit destructor of 'Cache' [raii-unreleased-member]
// CHECK-FIXES: {{^}}  void FinalRelease() { used_ = 0; free(buf_); }{{$}}

// Silent: released by the closing method, by the destructor, handed off.
class Balanced {
public:
  void Init() { p_ = new int[4]; }
  void Term() { delete[] p_; }

private:
  int *p_ = nullptr;
};

void Keep(char *);
class HandedOff {
public:
  void Create() {
    p_ = static_cast<char *>(malloc(8));
    Keep(p_);
  }
  void Destroy() {}

private:
  char *p_ = nullptr;
};

class ReleasedByDestructor {
public:
  ~ReleasedByDestructor() { free(p_); }
  void Attach() { p_ = static_cast<char *>(malloc(8)); }

private:
  char *p_ = nullptr;
};
