// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// The POSIX and C11 families against glibc's real headers.
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <threads.h>
#include <unistd.h>

class Locks {
public:
  Locks() {
    pthread_mutex_init(&mu_, nullptr);
    pthread_cond_init(&cv_, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: condition variable 'cv_' is initialized by 'pthread_cond_init' in constructor 'Locks' but never destroyed in destructor '~Locks' [raii-unreleased-member]
    pthread_rwlock_init(&rw_, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: read-write lock 'rw_' is initialized by 'pthread_rwlock_init' in constructor 'Locks' but never destroyed in destructor '~Locks' [raii-unreleased-member]
    pthread_spin_init(&spin_, PTHREAD_PROCESS_PRIVATE);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: spin lock 'spin_' is initialized by 'pthread_spin_init' in constructor 'Locks' but never destroyed in destructor '~Locks' [raii-unreleased-member]
    pthread_barrier_init(&barrier_, nullptr, 2);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: barrier 'barrier_' is initialized by 'pthread_barrier_init' in constructor 'Locks' but never destroyed in destructor '~Locks' [raii-unreleased-member]
    sem_init(&sem_, 0, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: semaphore 'sem_' is initialized by 'sem_init' in constructor 'Locks' but never destroyed in destructor '~Locks' [raii-unreleased-member]
    mtx_init(&mtx_, mtx_plain);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: mutex 'mtx_' is initialized by 'mtx_init' in constructor 'Locks' but never destroyed in destructor '~Locks' [raii-unreleased-member]
    cnd_init(&cnd_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: condition variable 'cnd_' is initialized by 'cnd_init' in constructor 'Locks' but never destroyed in destructor '~Locks' [raii-unreleased-member]
  }
  ~Locks() {
    pthread_mutex_lock(&mu_);
    pthread_mutex_unlock(&mu_);
    pthread_mutex_destroy(&mu_);
  }
  // CHECK-FIXES: {{^}}  ~Locks() {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    pthread_mutex_lock(&mu_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    pthread_mutex_unlock(&mu_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    pthread_mutex_destroy(&mu_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    pthread_cond_destroy(&cv_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    pthread_rwlock_destroy(&rw_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    pthread_spin_destroy(&spin_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    pthread_barrier_destroy(&barrier_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    sem_destroy(&sem_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    mtx_destroy(&mtx_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    cnd_destroy(&cnd_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}

private:
  pthread_mutex_t mu_;
  pthread_cond_t cv_;
  pthread_rwlock_t rw_;
  pthread_spinlock_t spin_;
  pthread_barrier_t barrier_;
  sem_t sem_;
  mtx_t mtx_;
  cnd_t cnd_;
};

// Returned values: a stdio stream (closed only when non-null), descriptors,
// heap memory; in member initializers, default member initializers and
// assignments, through casts.
class Streams {
public:
  explicit Streams(const char *Path)
      : file_(fopen(Path, "r")), name_(strdup(Path)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: file 'file_' is opened by 'fopen' in constructor 'Streams' but never closed in destructor '~Streams' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-2]]:40: warning: memory 'name_' is allocated by 'strdup' in constructor 'Streams' but never freed in destructor '~Streams' [raii-unreleased-member]
    fd_ = open(Path, O_RDONLY);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: file descriptor 'fd_' is opened by 'open' in constructor 'Streams' but never closed in destructor '~Streams' [raii-unreleased-member]
    buf_ = static_cast<char *>(calloc(16, 1));
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: memory 'buf_' is allocated by 'calloc' in constructor 'Streams' but never freed in destructor '~Streams' [raii-unreleased-member]
    fprintf(file_, "%s", name_);
    write(fd_, buf_, 16);
  }
  ~Streams() = default;
  // CHECK-FIXES: {{^}}  ~Streams() { if (file_) fclose(file_); free(name_); close(fd_); free(buf_); close(sock_); }{{$}}

private:
  FILE *file_;
  char *name_;
  int fd_;
  char *buf_;
  int sock_ = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: file descriptor 'sock_' is opened by 'socket' in constructor 'Streams' but never closed in destructor '~Streams' [raii-unreleased-member]
};

// No destructor: one is declared after the last public constructor.
class Buffer {
public:
  Buffer() { data_ = (char *)malloc(64); }
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: memory 'data_' is allocated by 'malloc' in constructor 'Buffer' but never freed; 'Buffer' has no user-declared destructor [raii-unreleased-member]
  Buffer(const Buffer &) = delete;
  // CHECK-FIXES: {{^}}  Buffer(const Buffer &) = delete;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  ~Buffer() { free(data_); }{{$}}

private:
  char *data_;
};

// Correct owners stay silent.
class Correct {
public:
  Correct() : f_(fopen("a", "r")), p_(malloc(4)) {
    pthread_mutex_init(&mu_, nullptr);
  }
  ~Correct() {
    if (f_)
      fclose(f_);
    free(p_);
    pthread_mutex_destroy(&mu_);
  }
  Correct(const Correct &) = delete;
  Correct &operator=(const Correct &) = delete;

private:
  FILE *f_;
  void *p_;
  pthread_mutex_t mu_;
};
