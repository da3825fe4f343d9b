// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N17: the destructor calls a plain function pointer member that closes the
// FILE *.
#include "oracle.h"
#include <stdio.h>

static void closeStream(FILE *F) {
  if (F)
    fclose(F);
}

class Sink {
public:
  Sink() : f_(fopen("/dev/null", "w")), closer_(&closeStream) {}
  ~Sink() { closer_(f_); }
  Sink(const Sink &) = delete;
  Sink &operator=(const Sink &) = delete;
  void put(const char *S) {
    if (f_)
      fputs(S, f_);
  }

private:
  FILE *f_;
  void (*closer_)(FILE *);
};

int main() {
  for (int I = 0; I < 3; ++I) {
    Sink S;
    S.put("x\n");
  }
  return raii_oracle_finish();
}
