// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P17: a descriptor that is only printed (a C variadic call) is still the
// class's own: the fix writes close(), and the program stops leaking it.
#include "oracle.h"
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

class Logged {
public:
  Logged() {
    fd_ = open("/dev/null", O_RDONLY);
    snprintf(name_, sizeof name_, "fd %d", fd_);
  }
  ~Logged() { name_[0] = 0; }
  Logged(const Logged &) = delete;
  Logged &operator=(const Logged &) = delete;
  const char *name() const { return name_; }

private:
  int fd_;
  char name_[32];
};

int main() {
  int Named = 0;
  for (int I = 0; I < 3; ++I) {
    Logged L;
    Named += L.name()[0] == 'f';
  }
  return Named == 3 ? raii_oracle_finish() : 1;
}
