// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P15: malloc then 'p_ = (char *)realloc(p_, n)' in the constructor: p_ is
// still owned, leaks, and the fix frees it once.
#include "oracle.h"
#include <stdlib.h>
#include <string.h>

class Text {
public:
  explicit Text(size_t N) {
    p_ = (char *)malloc(8);
    strcpy(p_, "abc");
    p_ = (char *)realloc(p_, N);
  }
  ~Text() {}
  Text(const Text &) = delete;
  Text &operator=(const Text &) = delete;
  size_t length() const { return strlen(p_); }

private:
  char *p_;
};

int main() {
  size_t Total = 0;
  for (int I = 0; I < 3; ++I) {
    Text T(256);
    Total += T.length();
  }
  return Total == 9 ? raii_oracle_finish() : 1;
}
