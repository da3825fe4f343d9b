// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P10: the default constructor delegates to the one that allocates.
#include "oracle.h"
#include <stdlib.h>

class Pool {
public:
  Pool() : Pool(48) {}
  explicit Pool(size_t Bytes)
      : arena_(static_cast<char *>(malloc(Bytes))), size_(Bytes) {}
  ~Pool() {}
  Pool(const Pool &) = delete;
  Pool &operator=(const Pool &) = delete;
  size_t size() const { return size_; }

private:
  char *arena_;
  size_t size_;
};

int main() {
  size_t Total = 0;
  for (int I = 0; I < 3; ++I) {
    Pool P;
    Total += P.size();
  }
  return Total == 144 ? raii_oracle_finish() : 1;
}
