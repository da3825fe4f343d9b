// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P9: the constructor acquires through a helper member function.
#include "oracle.h"

class Table {
public:
  Table() { init(32); }
  ~Table() {}
  Table(const Table &) = delete;
  Table &operator=(const Table &) = delete;
  int slot(int I) const { return slots_[I]; }

private:
  void init(int N) {
    slots_ = new int[N];
    for (int I = 0; I < N; ++I)
      slots_[I] = I;
  }
  int *slots_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Table T;
    Sum += T.slot(5);
  }
  return Sum == 15 ? raii_oracle_finish() : 1;
}
