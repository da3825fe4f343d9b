// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N1: an intrusive reference count: 'RC *p_ = new RC;' is released by
// p_->release(), which deletes the object when the count drops to zero.
#include "oracle.h"

class RC {
public:
  void addRef() { ++n_; }
  void release() {
    if (--n_ == 0)
      delete this;
  }
  int count() const { return n_; }

private:
  int n_ = 1;
};

class Holder {
public:
  Holder() {}
  ~Holder() { p_->release(); }
  Holder(const Holder &) = delete;
  Holder &operator=(const Holder &) = delete;
  int count() const { return p_->count(); }

private:
  RC *p_ = new RC;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Holder H;
    Sum += H.count();
  }
  return Sum == 3 ? raii_oracle_finish() : 1;
}
