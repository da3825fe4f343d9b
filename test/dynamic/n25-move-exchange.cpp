// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N25: a move constructor through 'std::exchange(o.p_, nullptr)'.
#include "oracle.h"
#include <stdlib.h>
#include <utility>

class Bytes {
public:
  Bytes() : p_(static_cast<char *>(malloc(16))) { p_[0] = 'b'; }
  Bytes(Bytes &&O) : p_(std::exchange(O.p_, nullptr)) {}
  ~Bytes() { free(p_); }
  bool empty() const { return p_ == nullptr; }

private:
  char *p_;
};

int main() {
  int Full = 0;
  for (int I = 0; I < 3; ++I) {
    Bytes A;
    Bytes B(std::move(A));
    Full += !A.empty() + !B.empty();
  }
  return Full == 3 ? raii_oracle_finish() : 1;
}
