// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N26: file-local 'ReleaseMutex(pthread_mutex_t *)' (not the Win32 one) that
// calls pthread_mutex_destroy, and 'CloseFile(FILE *)' that fcloses; the
// destructor calls both.
#include "oracle.h"
#include <pthread.h>
#include <stdio.h>

static void ReleaseMutex(pthread_mutex_t *M) { pthread_mutex_destroy(M); }

static void CloseFile(FILE *F) {
  if (F)
    fclose(F);
}

class Journal {
public:
  Journal() : file_(fopen("/dev/null", "a")) {
    pthread_mutex_init(&lock_, nullptr);
  }
  ~Journal() {
    ReleaseMutex(&lock_);
    CloseFile(file_);
  }
  Journal(const Journal &) = delete;
  Journal &operator=(const Journal &) = delete;
  void append(const char *S) {
    pthread_mutex_lock(&lock_);
    if (file_)
      fputs(S, file_);
    pthread_mutex_unlock(&lock_);
  }

private:
  pthread_mutex_t lock_;
  FILE *file_;
};

int main() {
  for (int I = 0; I < 3; ++I) {
    Journal J;
    J.append("entry\n");
  }
  return raii_oracle_finish();
}
