// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks-no-fix
// DYNAMIC-WARNS: raii-unreleased-member
// F4: Init() opens a descriptor that neither Term() nor the destructor
// closes. Term() may run without Init(), or twice, so no fix-it is offered:
// the program still leaks, and the warning says why there is no fix.
#include "oracle.h"
#include <fcntl.h>
#include <unistd.h>

class Reader {
public:
  Reader() = default;
  Reader(const Reader &) = delete;
  Reader &operator=(const Reader &) = delete;
  ~Reader() { reads_ = 0; }
  bool Init() {
    fd_ = open("/dev/null", O_RDONLY);
    return fd_ >= 0;
  }
  void Term() { reads_ = 0; }
  long readSome() {
    char Buf[4];
    ++reads_;
    return read(fd_, Buf, sizeof Buf);
  }

private:
  int fd_ = -1;
  int reads_ = 0;
};

int main() {
  long Got = 0;
  for (int I = 0; I < 3; ++I) {
    Reader R;
    if (!R.Init())
      return 1;
    Got += R.readSome();
    R.Term();
  }
  return Got == 0 ? raii_oracle_finish() : 1;
}
