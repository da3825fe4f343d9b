// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N15: the destructor calls through a pointer to member function whose
// target deletes the member.
#include "oracle.h"

struct Payload {
  int Size = 6;
};

class Holder {
public:
  Holder() : payload_(new Payload), cleanup_(&Holder::dropPayload) {}
  ~Holder() { (this->*cleanup_)(); }
  Holder(const Holder &) = delete;
  Holder &operator=(const Holder &) = delete;
  int size() const { return payload_->Size; }

private:
  void dropPayload() { delete payload_; }
  Payload *payload_;
  void (Holder::*cleanup_)();
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Holder H;
    Sum += H.size();
  }
  return Sum == 18 ? raii_oracle_finish() : 1;
}
