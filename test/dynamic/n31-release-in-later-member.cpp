// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N31: the destructor calls a member function defined later in the class,
// which releases.
#include "oracle.h"
#include <stdio.h>

class Trace {
public:
  Trace() : out_(fopen("/dev/null", "w")) {}
  ~Trace() { shutdown(); }
  Trace(const Trace &) = delete;
  Trace &operator=(const Trace &) = delete;
  void note(const char *S) {
    if (out_)
      fputs(S, out_);
  }

private:
  void shutdown() {
    if (out_) {
      fclose(out_);
      out_ = nullptr;
    }
  }
  FILE *out_;
};

int main() {
  for (int I = 0; I < 3; ++I) {
    Trace T;
    T.note("t\n");
  }
  return raii_oracle_finish();
}
