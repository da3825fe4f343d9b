// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// DYNAMIC-WARNS: raii-copyable-resource-owner
// P12: a leaking class that could be copied (it never is): one --fix run both
// releases the memory and deletes the copies, and the result builds, runs
// clean and is silent on a second run.
#include "oracle.h"
#include <stdlib.h>

class Scratch {
public:
  Scratch() : bytes_(static_cast<unsigned char *>(malloc(40))) {
    bytes_[0] = 1;
  }
  ~Scratch() {}
  int first() const { return bytes_[0]; }

private:
  unsigned char *bytes_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Scratch S;
    Sum += S.first();
  }
  return Sum == 3 ? raii_oracle_finish() : 1;
}
