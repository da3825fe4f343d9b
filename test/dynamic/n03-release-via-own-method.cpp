// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N3: release() deletes the object through another method of its own
// ('destroy', which does 'delete this').
#include "oracle.h"

class Shared {
public:
  void retain() { ++refs_; }
  void release() {
    if (--refs_ == 0)
      destroy();
  }
  int refs() const { return refs_; }

private:
  void destroy() { delete this; }
  int refs_ = 1;
};

class User {
public:
  User() : shared_(new Shared) {}
  ~User() { shared_->release(); }
  User(const User &) = delete;
  User &operator=(const User &) = delete;
  int refs() const { return shared_->refs(); }

private:
  Shared *shared_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    User U;
    Sum += U.refs();
  }
  return Sum == 3 ? raii_oracle_finish() : 1;
}
