// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// The hand-off rule: a constructor that gives the resource to someone else
// does not own it. Calls that merely use it are not a hand-off.
#include <memory>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void Register(FILE *);
void Adopt(void *);
extern char *GlobalBuffer;

// Passed to a function that may take ownership: silent.
class HandsToCall {
public:
  HandsToCall() : f_(fopen("a", "r")) { Register(f_); }
  ~HandsToCall() {}

private:
  FILE *f_;
};

// Stored elsewhere: silent.
class StoresElsewhere {
public:
  StoresElsewhere() {
    buf_ = static_cast<char *>(malloc(8));
    GlobalBuffer = buf_;
  }
  ~StoresElsewhere() {}

private:
  char *buf_;
};

class StoresInLocal {
public:
  StoresInLocal() {
    buf_ = static_cast<char *>(malloc(8));
    void *Alias = buf_;
    Adopt(Alias);
  }
  ~StoresInLocal() {}

private:
  char *buf_;
};

// Released by the constructor itself: silent.
class ReleasesItself {
public:
  ReleasesItself() {
    f_ = fopen("probe", "r");
    fclose(f_);
  }
  ~ReleasesItself() {}

private:
  FILE *f_;
};

// The address of the release function is taken: it may run through the
// pointer. Silent.
class ReleaseThroughPointer {
public:
  ReleaseThroughPointer() : f_(fopen("a", "r")) { closer_ = &fclose; }
  ~ReleaseThroughPointer() { closer_(f_); }

private:
  FILE *f_;
  int (*closer_)(FILE *);
};

// Smart pointers own what they hold: silent.
class Smart {
public:
  Smart() : f_(fopen("a", "r"), &fclose), p_(static_cast<char *>(malloc(4))) {}

private:
  std::unique_ptr<FILE, int (*)(FILE *)> f_;
  std::unique_ptr<char> p_;
};

// Uses are not hand-offs: these leak.
class OnlyUses {
public:
  OnlyUses() {
    f_ = fopen("log", "a");
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: file 'f_' is opened by 'fopen' in constructor 'OnlyUses' but never closed in destructor '~OnlyUses' [raii-unreleased-member]
    fprintf(f_, "start\n");
    fflush(f_);
    buf_ = static_cast<char *>(malloc(16));
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: memory 'buf_' is allocated by 'malloc' in constructor 'OnlyUses' but never freed in destructor '~OnlyUses' [raii-unreleased-member]
    memset(buf_, 0, 16);
    strcpy(buf_, "x");
    pthread_mutex_init(&mu_, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: mutex 'mu_' is initialized by 'pthread_mutex_init' in constructor 'OnlyUses' but never destroyed in destructor '~OnlyUses' [raii-unreleased-member]
    pthread_mutex_lock(&mu_);
    pthread_mutex_unlock(&mu_);
  }
  ~OnlyUses() {}
  // CHECK-FIXES: {{^}}  ~OnlyUses() { if (f_) fclose(f_); free(buf_); pthread_mutex_destroy(&mu_); }{{$}}
  OnlyUses(const OnlyUses &) = delete;
  OnlyUses &operator=(const OnlyUses &) = delete;

private:
  FILE *f_;
  char *buf_;
  pthread_mutex_t mu_;
};

// The destructor hands it to someone, or calls what it cannot see: silent.
class DestructorHandsOff {
public:
  DestructorHandsOff() : f_(fopen("a", "r")) {}
  ~DestructorHandsOff() { Register(f_); }

private:
  FILE *f_;
};

class DestructorOpaque {
public:
  DestructorOpaque() : f_(fopen("a", "r")) {}
  ~DestructorOpaque() { Cleanup(); }

private:
  void Cleanup();
  FILE *f_;
};

// The destructor's body is not in this translation unit: silent.
class DestructorElsewhere {
public:
  DestructorElsewhere() : f_(fopen("a", "r")) {}
  ~DestructorElsewhere();

private:
  FILE *f_;
};

// Storage freed by another function frees the resource too: no leak.
class FreedOtherwise {
public:
  FreedOtherwise() : p_(malloc(4)) {}
  ~FreedOtherwise() { ::free(p_); }

private:
  void *p_;
};

// Templates are judged once, from the pattern.
template <typename T> class Pool {
public:
  Pool() : items_(new T[4]) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: memory 'items_' is allocated by 'new[]' in constructor 'Pool<T>' but never deleted in destructor '~Pool<T>' [raii-unreleased-member]
  ~Pool() {}
  // CHECK-FIXES: {{^}}  ~Pool() { delete[] items_; }{{$}}
  Pool(const Pool &) = delete;
  Pool &operator=(const Pool &) = delete;

private:
  T *items_;
};
Pool<int> IntPool;
Pool<double> DoublePool;
