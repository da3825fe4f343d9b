// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks-no-fix
// DYNAMIC-WARNS: raii-unreleased-member
// F1: 'Codec *p_ = new Impl;' where Codec has a non-virtual public
// destructor: the leak is real, but 'delete p_' would be undefined behaviour,
// so no fix-it.
#include "oracle.h"

class Codec {
public:
  virtual int encode(int V) const = 0;
  ~Codec() {}
};

class Rot : public Codec {
public:
  int encode(int V) const override { return V + shift_; }

private:
  int shift_ = 13;
  int table_[8] = {};
};

class Encoder {
public:
  Encoder() {}
  ~Encoder() {}
  Encoder(const Encoder &) = delete;
  Encoder &operator=(const Encoder &) = delete;
  int encode(int V) const { return p_->encode(V); }

private:
  Codec *p_ = new Rot;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Encoder E;
    Sum += E.encode(I);
  }
  return Sum == 42 ? raii_oracle_finish() : 1;
}
