// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N12: the destructor releases through a local copy:
// 'T *t = p_; p_ = nullptr; delete t;'.
#include "oracle.h"

struct State {
  int Step = 1;
};

class Machine {
public:
  Machine() : p_(new State) {}
  ~Machine() {
    State *T = p_;
    p_ = nullptr;
    delete T;
  }
  Machine(const Machine &) = delete;
  Machine &operator=(const Machine &) = delete;
  int step() const { return p_->Step; }

private:
  State *p_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Machine M;
    Sum += M.step();
  }
  return Sum == 3 ? raii_oracle_finish() : 1;
}
