// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N29: the member comes from a factory function whose body returns a
// pointer into a static pool (not malloc): not owned.
#include "oracle.h"

struct Cell {
  int Value;
};

static Cell Pool[16];
static int PoolNext = 0;

Cell *takeCell() {
  Cell *C = &Pool[PoolNext % 16];
  ++PoolNext;
  C->Value = PoolNext;
  return C;
}

class Counter {
public:
  Counter() : cell_(takeCell()) {}
  ~Counter() {}
  int value() const { return cell_->Value; }

private:
  Cell *cell_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Counter C;
    Sum += C.value();
  }
  return Sum == 6 ? raii_oracle_finish() : 1;
}
