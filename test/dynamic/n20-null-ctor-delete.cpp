// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N20: the default constructor sets p_(nullptr), another allocates; the
// destructor's 'delete p_' is right for both (no "released but not
// acquired").
#include "oracle.h"

struct Data {
  int N = 2;
};

class Maybe {
public:
  Maybe() : p_(nullptr) {}
  explicit Maybe(int) : p_(new Data) {}
  ~Maybe() { delete p_; }
  Maybe(const Maybe &) = delete;
  Maybe &operator=(const Maybe &) = delete;
  int n() const { return p_ ? p_->N : 0; }

private:
  Data *p_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Maybe Empty;
    Maybe Full(I);
    Sum += Empty.n() + Full.n();
  }
  return Sum == 6 ? raii_oracle_finish() : 1;
}
