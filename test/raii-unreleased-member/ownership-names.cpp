// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Names are not identity: a function with a body in user code is judged by
// its body, even when its name is a known API's. This ReleaseMutex is not
// Win32's (which only uses a mutex): it destroys one.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void ReleaseMutex(pthread_mutex_t *M) { pthread_mutex_destroy(M); }
static void CloseFile(FILE *F) {
  if (F)
    fclose(F);
}
template <typename T> void DeleteIt(T *P) { delete P; }

class Named {
public:
  Named() : f_(fopen("/dev/null", "r")), p_(new int) {
    pthread_mutex_init(&m_, nullptr);
  }
  ~Named() {
    ReleaseMutex(&m_);
    CloseFile(f_);
    DeleteIt(p_);
  }
  Named(const Named &) = delete;
  Named &operator=(const Named &) = delete;

private:
  pthread_mutex_t m_;
  FILE *f_;
  int *p_;
};

// A user function named like a release that does not release (it takes an
// int, not the member): the destructor releases nothing, so the leak is
// reported and the fix-it writes the real free.
static void free(int) {}
class NotAFree {
public:
  NotAFree() : b_(static_cast<char *>(malloc(4))) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: memory 'b_' is allocated by 'malloc' in constructor 'NotAFree' but never freed in destructor '~NotAFree' [raii-unreleased-member]
  ~NotAFree() { free(1); }
  // CHECK-FIXES: {{^}}  ~NotAFree() { free(1); free(b_); }{{$}}
  NotAFree(const NotAFree &) = delete;
  NotAFree &operator=(const NotAFree &) = delete;

private:
  char *b_;
};
