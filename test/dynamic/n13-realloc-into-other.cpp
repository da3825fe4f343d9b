// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N13: 'q_ = (char *)realloc(p_, 16)' after 'p_ = malloc(8)': the block now
// belongs to q_ (p_ dangles), and the destructor frees q_ only.
#include "oracle.h"
#include <stdlib.h>
#include <string.h>

class Grown {
public:
  Grown() {
    p_ = (char *)malloc(8);
    strcpy(p_, "seven");
    q_ = (char *)realloc(p_, 16);
  }
  ~Grown() { free(q_); }
  Grown(const Grown &) = delete;
  Grown &operator=(const Grown &) = delete;
  size_t length() const { return strlen(q_); }

private:
  char *p_;
  char *q_;
};

int main() {
  size_t Total = 0;
  for (int I = 0; I < 3; ++I) {
    Grown G;
    Total += G.length();
  }
  return Total == 15 ? raii_oracle_finish() : 1;
}
