// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P3: a new[] member and no user-declared destructor; the fix declares one
// that uses delete[].
#include "oracle.h"

class Samples {
public:
  Samples() : values_(new double[16]) {
    for (int I = 0; I < 16; ++I)
      values_[I] = I * 0.5;
  }
  Samples(const Samples &) = delete;
  Samples &operator=(const Samples &) = delete;
  double last() const { return values_[15]; }

private:
  double *values_;
};

int main() {
  double Sum = 0;
  for (int I = 0; I < 4; ++I) {
    Samples S;
    Sum += S.last();
  }
  return Sum > 0 ? raii_oracle_finish() : 1;
}
