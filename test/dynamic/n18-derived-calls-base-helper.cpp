// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N18: the base allocates; the derived destructor calls a protected base
// helper that deletes (the base's virtual destructor is empty).
#include "oracle.h"

class Base {
public:
  Base() : data_(new int[4]()) {}
  virtual ~Base() {}
  Base(const Base &) = delete;
  Base &operator=(const Base &) = delete;
  int first() const { return data_[0]; }

protected:
  void releaseData() {
    delete[] data_;
    data_ = nullptr;
  }

private:
  int *data_;
};

class Derived : public Base {
public:
  ~Derived() override { releaseData(); }
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Derived D;
    Sum += D.first();
  }
  return Sum == 0 ? raii_oracle_finish() : 1;
}
