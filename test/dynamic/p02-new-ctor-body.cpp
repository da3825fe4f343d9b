// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P2: new in the constructor body; the destructor has other statements.
#include "oracle.h"

struct Config {
  int Level;
};

class Service {
public:
  Service() {
    calls_ = 0;
    config_ = new Config{3};
  }
  ~Service() {
    calls_ = -1;
    ++stops_;
  }
  Service(const Service &) = delete;
  Service &operator=(const Service &) = delete;
  int level() {
    ++calls_;
    return config_->Level;
  }

private:
  Config *config_;
  int calls_;
  int stops_ = 0;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 4; ++I) {
    Service S;
    Sum += S.level();
  }
  return Sum == 12 ? raii_oracle_finish() : 1;
}
