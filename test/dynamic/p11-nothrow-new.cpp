// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P11: 'new (std::nothrow) T' allocates like new, and leaks like it.
#include "oracle.h"
#include <new>

struct Point {
  int X, Y;
};

class Cursor {
public:
  Cursor() : pos_(new (std::nothrow) Point{1, 2}) {}
  ~Cursor() {}
  Cursor(const Cursor &) = delete;
  Cursor &operator=(const Cursor &) = delete;
  int x() const { return pos_ ? pos_->X : 0; }

private:
  Point *pos_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Cursor C;
    Sum += C.x();
  }
  return Sum == 3 ? raii_oracle_finish() : 1;
}
