// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P5: a FILE * member from fopen, an empty destructor; the fix writes
// 'if (f_) fclose(f_);' and the descriptor oracle sees none left open.
#include "oracle.h"
#include <stdio.h>

class Log {
public:
  Log() : f_(fopen("/dev/null", "w")) {}
  ~Log() {}
  Log(const Log &) = delete;
  Log &operator=(const Log &) = delete;
  void write(const char *Message) {
    if (f_)
      fputs(Message, f_);
  }

private:
  FILE *f_;
};

int main() {
  for (int I = 0; I < 3; ++I) {
    Log L;
    L.write("hello\n");
  }
  return raii_oracle_finish();
}
