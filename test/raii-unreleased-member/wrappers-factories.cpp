// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// The user's own functions that acquire: wrappers that initialize through a
// parameter and factories that return a fresh resource, one or more levels
// deep. The warning is at the constructor's call, with a note at the API
// call; the release is the family's.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdexcept>

static void InitLockChecked(pthread_mutex_t *m) {
  if (pthread_mutex_init(m, nullptr) != 0)
    throw std::runtime_error("pthread_mutex_init");
}
static void InitLock(pthread_mutex_t *m) { InitLockChecked(m); }
static void InitCond(pthread_cond_t *c) { pthread_cond_init(c, nullptr); }

class Wrapped {
public:
  Wrapped() {
    InitLock(&mu_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: mutex 'mu_' is initialized by 'InitLock' in constructor 'Wrapped' but never destroyed in destructor '~Wrapped' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-11]]:7: note: 'mu_' is initialized here by 'pthread_mutex_init', through 'InitLock'
    InitCond(&cv_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: condition variable 'cv_' is initialized by 'InitCond' in constructor 'Wrapped' but never destroyed in destructor '~Wrapped' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-10]]:43: note: 'cv_' is initialized here by 'pthread_cond_init', through 'InitCond'
  }
  ~Wrapped() {}
  // CHECK-FIXES: {{^}}  ~Wrapped() { pthread_mutex_destroy(&mu_); pthread_cond_destroy(&cv_); }{{$}}
  Wrapped(const Wrapped &) = delete;
  Wrapped &operator=(const Wrapped &) = delete;

private:
  pthread_mutex_t mu_;
  pthread_cond_t cv_;
};

// Released through the family's own call: silent.
class WrappedReleased {
public:
  WrappedReleased() { InitLock(&mu_); }
  ~WrappedReleased() { pthread_mutex_destroy(&mu_); }
  WrappedReleased(const WrappedReleased &) = delete;
  WrappedReleased &operator=(const WrappedReleased &) = delete;

private:
  pthread_mutex_t mu_;
};

// A wrapper that initializes only sometimes does not acquire: silent.
static void MaybeInit(pthread_mutex_t *m, bool b) {
  if (b)
    pthread_mutex_init(m, nullptr);
}
static void InitUnlessReady(pthread_mutex_t *m, bool ready) {
  if (ready)
    return;
  pthread_mutex_init(m, nullptr);
}
class Conditional {
public:
  explicit Conditional(bool b) {
    MaybeInit(&a_, b);
    InitUnlessReady(&b_, b);
  }
  ~Conditional() {}
  Conditional(const Conditional &) = delete;
  Conditional &operator=(const Conditional &) = delete;

private:
  pthread_mutex_t a_, b_;
};

static char *MakeBuffer(size_t n) { return static_cast<char *>(malloc(n)); }
static char *MakeDouble(size_t n) { return MakeBuffer(n * 2); }
static FILE *OpenLog() {
  FILE *f = fopen("/tmp/raii-tidy-log", "w");
  if (!f)
    return nullptr;
  return f;
}
static int *MakeTable(int n) { return new int[n]; }

class Factory {
public:
  Factory() : buf_(MakeDouble(10)), log_(OpenLog()), table_(MakeTable(4)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: memory 'buf_' is allocated by 'MakeDouble' in constructor 'Factory' but never freed in destructor '~Factory' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-14]]:64: note: 'buf_' is allocated here by 'malloc', through 'MakeDouble'
  // CHECK-MESSAGES: :[[@LINE-3]]:42: warning: file 'log_' is opened by 'OpenLog' in constructor 'Factory' but never closed in destructor '~Factory' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-13]]:13: note: 'log_' is opened here by 'fopen', through 'OpenLog'
  // CHECK-MESSAGES: :[[@LINE-5]]:61: warning: memory 'table_' is allocated by 'new[]' in constructor 'Factory' but never deleted in destructor '~Factory' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-10]]:39: note: 'table_' is allocated here by 'new[]', through 'MakeTable'
  ~Factory() {}
  // CHECK-FIXES: {{^}}  ~Factory() { free(buf_); if (log_) fclose(log_); delete[] table_; }{{$}}
  Factory(const Factory &) = delete;
  Factory &operator=(const Factory &) = delete;

private:
  char *buf_;
  FILE *log_;
  int *table_;
};

// Not factories: a cached object, a pointer into a static buffer, a local
// kept elsewhere: silent.
static char *Cached() {
  static char *p = static_cast<char *>(malloc(8));
  return p;
}
static char Static[16];
static char *Pick(bool b) { return b ? Static : nullptr; }
static char *Kept;
static char *MakeKept() {
  char *p = static_cast<char *>(malloc(8));
  Kept = p;
  return p;
}
class NotFactories {
public:
  NotFactories() : a_(Cached()), b_(Pick(true)), c_(MakeKept()) {}
  ~NotFactories() {}
  NotFactories(const NotFactories &) = delete;
  NotFactories &operator=(const NotFactories &) = delete;

private:
  char *a_, *b_, *c_;
};

// A wrapper whose body calls, twice, a helper that releases its parameter:
// its summary is read while the helper's is built (this crashed once).
#include <unistd.h>
static void CloseFd(int fd) { close(fd); }
static void CloseTwice(int fd) {
  CloseFd(fd);
  CloseFd(fd);
}
class Twice {
public:
  Twice() {
    CloseTwice(0);
    fd_ = 0;
  }
  ~Twice() {}

private:
  int fd_;
};
