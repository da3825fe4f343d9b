// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// A resource passed in the `...` of a C variadic function whose body is not
// here (printf, a logging function) is only read: the leak stands. syscall()
// may close it, and a variadic function of the user's with a body may keep
// what va_arg gives it: those are hand-offs, as before.
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

void log_message(const char *Format, ...);
#define LOG(...) log_message(__VA_ARGS__)

class Printed {
public:
  Printed() {
    fd_ = open("/dev/null", O_RDONLY);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: file descriptor 'fd_' is opened by 'open' in constructor 'Printed' but never closed in destructor '~Printed' [raii-unreleased-member]
    printf("opened %d\n", fd_);
  }
  ~Printed() {}
  // CHECK-FIXES: ~Printed() { close(fd_); }
  Printed(const Printed &) = delete;
  Printed &operator=(const Printed &) = delete;

private:
  int fd_;
};

class Logged {
public:
  Logged() : buf_(static_cast<char *>(malloc(64))) {
    // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: memory 'buf_' is allocated by 'malloc' in constructor 'Logged' but never freed in destructor '~Logged' [raii-unreleased-member]
    LOG("buffer at %p", buf_);
  }
  ~Logged() {}
  // CHECK-FIXES: ~Logged() { free(buf_); }
  Logged(const Logged &) = delete;
  Logged &operator=(const Logged &) = delete;

private:
  char *buf_;
};

// syscall(SYS_close, fd) closes it: a hand-off, no warning.
class RawClose {
public:
  RawClose() { fd_ = open("/dev/null", O_RDONLY); }
  ~RawClose() { syscall(SYS_close, fd_); }
  RawClose(const RawClose &) = delete;
  RawClose &operator=(const RawClose &) = delete;

private:
  int fd_;
};

// A variadic function of the user's with a body here: what va_arg gives it
// may be kept, so the member is handed off.
static char *Kept;
static void keep_all(int Count, ...) {
  va_list Args;
  va_start(Args, Count);
  Kept = va_arg(Args, char *);
  va_end(Args);
}

class KeptByUser {
public:
  KeptByUser() {
    p_ = static_cast<char *>(malloc(8));
    keep_all(1, p_);
  }
  ~KeptByUser() {}
  KeptByUser(const KeptByUser &) = delete;
  KeptByUser &operator=(const KeptByUser &) = delete;

private:
  char *p_;
};
