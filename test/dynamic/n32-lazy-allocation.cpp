// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N32: lazily allocated: the constructor sets nullptr, a method allocates on
// first use, the destructor 'delete p_'.
#include "oracle.h"

struct Cache {
  int Hits = 0;
};

class Lookup {
public:
  Lookup() : p_(nullptr) {}
  ~Lookup() { delete p_; }
  Lookup(const Lookup &) = delete;
  Lookup &operator=(const Lookup &) = delete;
  int hit() {
    if (!p_)
      p_ = new Cache;
    return ++p_->Hits;
  }

private:
  Cache *p_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Lookup L;
    L.hit();
    Sum += L.hit();
  }
  return Sum == 6 ? raii_oracle_finish() : 1;
}
