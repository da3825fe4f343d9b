// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N10: 'b_(a_)' in the member initializers copies the pointer; the
// destructor deletes b_.
#include "oracle.h"

struct Node {
  int Value = 9;
};

class Alias {
public:
  Alias() : a_(new Node), b_(a_) {}
  ~Alias() { delete b_; }
  Alias(const Alias &) = delete;
  Alias &operator=(const Alias &) = delete;
  int value() const { return a_->Value; }

private:
  Node *a_;
  Node *b_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Alias A;
    Sum += A.value();
  }
  return Sum == 27 ? raii_oracle_finish() : 1;
}
