// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N11: 'b_ = a_' in the constructor body; the destructor frees b_.
#include "oracle.h"
#include <stdlib.h>

class Alias {
public:
  Alias() {
    a_ = static_cast<int *>(malloc(4 * sizeof(int)));
    a_[0] = 3;
    b_ = a_;
  }
  ~Alias() { free(b_); }
  Alias(const Alias &) = delete;
  Alias &operator=(const Alias &) = delete;
  int first() const { return a_[0]; }

private:
  int *a_;
  int *b_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Alias A;
    Sum += A.first();
  }
  return Sum == 9 ? raii_oracle_finish() : 1;
}
