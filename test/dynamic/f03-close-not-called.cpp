// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks-no-fix
// DYNAMIC-WARNS: raii-unreleased-member
// F3: the FILE * is closed in Close(), which the destructor does not call
// (and the program never calls): a leak, with "'f_' is closed in 'Close',
// which the destructor does not call" and no fix-it.
#include "oracle.h"
#include <stdio.h>

class Writer {
public:
  Writer() : f_(fopen("/dev/null", "w")) {}
  ~Writer() {}
  Writer(const Writer &) = delete;
  Writer &operator=(const Writer &) = delete;
  void Close() {
    if (f_) {
      fclose(f_);
      f_ = nullptr;
    }
  }
  void Write(const char *S) {
    if (f_)
      fputs(S, f_);
  }

private:
  FILE *f_;
};

int main() {
  for (int I = 0; I < 3; ++I) {
    Writer W;
    W.Write("w\n");
  }
  return raii_oracle_finish();
}
