// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N14: placement new into a member buffer; the destructor runs p_->~Entry()
// and deletes nothing.
#include "oracle.h"
#include <new>

struct Entry {
  explicit Entry(int V) : Value(V) {}
  int Value;
};

class Slot {
public:
  explicit Slot(int V) { p_ = new (buf_) Entry(V); }
  ~Slot() { p_->~Entry(); }
  Slot(const Slot &) = delete;
  Slot &operator=(const Slot &) = delete;
  int value() const { return p_->Value; }

private:
  alignas(Entry) unsigned char buf_[sizeof(Entry)];
  Entry *p_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Slot S(I);
    Sum += S.value();
  }
  return Sum == 3 ? raii_oracle_finish() : 1;
}
