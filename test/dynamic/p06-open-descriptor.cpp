// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P6: a descriptor from open(); the fix writes close().
#include "oracle.h"
#include <fcntl.h>
#include <unistd.h>

class Device {
public:
  Device() { fd_ = open("/dev/null", O_RDONLY); }
  ~Device() { reads_ = 0; }
  Device(const Device &) = delete;
  Device &operator=(const Device &) = delete;
  long readSome() {
    char Buf[8];
    ++reads_;
    return read(fd_, Buf, sizeof Buf);
  }

private:
  int fd_;
  int reads_ = 0;
};

int main() {
  long Got = 0;
  for (int I = 0; I < 3; ++I) {
    Device D;
    Got += D.readSome();
  }
  return Got == 0 ? raii_oracle_finish() : 1;
}
