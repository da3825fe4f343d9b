// RUN: %check_raii_tidy %s raii-copyable-resource-owner %t -- -- -std=c++17

// Every family of raii-unreleased-member: a copy releases the resource twice.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

class Log {
public:
  explicit Log(const char *Path) : f_(fopen(Path, "a")) {}
  ~Log() {
    if (f_)
      fclose(f_);
  }

private:
  FILE *f_;
};
// CHECK-MESSAGES: :[[@LINE-11]]:7: warning: class 'Log' owns file 'f_', opened in constructor 'Log' and closed in destructor '~Log', but its copy constructor and copy assignment operator are implicit: after a copy it is closed twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  explicit Log(const char *Path) : f_(fopen(Path, "a")) {}{{$}}
// CHECK-FIXES-NEXT: {{^}}  Log(const Log &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Log &operator=(const Log &) = delete;{{$}}

class Buffer {
public:
  Buffer() : data_(new char[16]) {}
  Buffer(const Buffer &) = default;
  ~Buffer() { delete[] data_; }

private:
  char *data_;
};
// CHECK-MESSAGES: :[[@LINE-9]]:7: warning: class 'Buffer' owns memory 'data_', allocated in constructor 'Buffer' and deleted in destructor '~Buffer', but its copy constructor is defaulted and its copy assignment operator is implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  Buffer(const Buffer &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Buffer &operator=(const Buffer &) = delete;{{$}}

// Move-only and user-written copies are fine.
class Guard {
public:
  Guard() { pthread_mutex_init(&mu_, nullptr); }
  ~Guard() { pthread_mutex_destroy(&mu_); }
  Guard(Guard &&) = delete;

private:
  pthread_mutex_t mu_;
};

class Deep {
public:
  Deep() : p_(static_cast<char *>(malloc(4))) {}
  Deep(const Deep &) : p_(static_cast<char *>(malloc(4))) {}
  Deep &operator=(const Deep &) { return *this; }
  ~Deep() { free(p_); }

private:
  char *p_;
};
