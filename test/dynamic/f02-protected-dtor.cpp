// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks-no-fix
// DYNAMIC-WARNS: raii-unreleased-member
// F2: the member points to a class whose destructor is protected (it is
// meant to be released by its own release()); the owner forgot to call it.
// The leak is real, but 'delete b_' would not compile: no fix-it.
#include "oracle.h"

class Buffer {
public:
  Buffer() {}
  void release() { delete this; }
  int size() const { return 4; }

protected:
  ~Buffer() {}
};

class Owner {
public:
  Owner() : b_(new Buffer) {}
  ~Owner() {}
  Owner(const Owner &) = delete;
  Owner &operator=(const Owner &) = delete;
  int size() const { return b_->size(); }

private:
  Buffer *b_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Owner O;
    Sum += O.size();
  }
  return Sum == 12 ? raii_oracle_finish() : 1;
}
