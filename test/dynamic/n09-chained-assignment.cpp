// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N9: 'a_ = b_ = new T;': two members alias one object, the destructor
// deletes it once through a_.
#include "oracle.h"

struct Node {
  int Value = 8;
};

class Alias {
public:
  Alias() { a_ = b_ = new Node; }
  ~Alias() { delete a_; }
  Alias(const Alias &) = delete;
  Alias &operator=(const Alias &) = delete;
  int value() const { return b_->Value; }

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
  return Sum == 24 ? raii_oracle_finish() : 1;
}
