// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N24: a move constructor 'C(C &&o) : p_(o.p_) { o.p_ = nullptr; }'; the
// destructor deletes (the copies are implicitly deleted).
#include "oracle.h"
#include <utility>

struct Blob {
  int Bytes = 10;
};

class Handle {
public:
  Handle() : p_(new Blob) {}
  Handle(Handle &&O) : p_(O.p_) { O.p_ = nullptr; }
  ~Handle() { delete p_; }
  int bytes() const { return p_ ? p_->Bytes : 0; }

private:
  Blob *p_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Handle A;
    Handle B(std::move(A));
    Sum += A.bytes() + B.bytes();
  }
  return Sum == 30 ? raii_oracle_finish() : 1;
}
