// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N23: one constructor sets the FILE * to nullptr, another opens it; the
// destructor's 'if (f_) fclose(f_);' is guarded.
#include "oracle.h"
#include <stdio.h>

class Output {
public:
  Output() : f_(nullptr) {}
  explicit Output(const char *Path) : f_(fopen(Path, "w")) {}
  ~Output() {
    if (f_)
      fclose(f_);
  }
  Output(const Output &) = delete;
  Output &operator=(const Output &) = delete;
  bool open() const { return f_ != nullptr; }

private:
  FILE *f_;
};

int main() {
  int Open = 0;
  for (int I = 0; I < 3; ++I) {
    Output None, Null("/dev/null");
    Open += None.open() + Null.open();
  }
  return Open == 3 ? raii_oracle_finish() : 1;
}
