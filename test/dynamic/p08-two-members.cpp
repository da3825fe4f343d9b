// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P8: two members of one class leak (heap memory and a FILE *); one --fix run
// releases both.
#include "oracle.h"
#include <stdio.h>
#include <stdlib.h>

class Report {
public:
  Report() {
    out_ = fopen("/dev/null", "w");
    line_ = static_cast<char *>(malloc(128));
    line_[0] = '\0';
  }
  ~Report() { ++done_; }
  Report(const Report &) = delete;
  Report &operator=(const Report &) = delete;
  void emit() {
    if (out_)
      fputs("line\n", out_);
  }

private:
  FILE *out_;
  char *line_;
  int done_ = 0;
};

int main() {
  for (int I = 0; I < 3; ++I) {
    Report R;
    R.emit();
  }
  return raii_oracle_finish();
}
