// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P1: malloc in a constructor's member initializer, empty destructor.
#include "oracle.h"
#include <stdlib.h>

class Buffer {
public:
  explicit Buffer(size_t Size)
      : data_(static_cast<char *>(malloc(Size))), size_(Size) {
    data_[0] = 'x';
  }
  ~Buffer() {}
  Buffer(const Buffer &) = delete;
  Buffer &operator=(const Buffer &) = delete;
  size_t size() const { return size_; }

private:
  char *data_;
  size_t size_;
};

int main() {
  size_t Total = 0;
  for (int I = 0; I < 4; ++I) {
    Buffer B(64 + I);
    Total += B.size();
  }
  return Total ? raii_oracle_finish() : 1;
}
