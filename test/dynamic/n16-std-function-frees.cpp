// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N16: the destructor calls a std::function member that frees the buffer.
#include "oracle.h"
#include <functional>
#include <stdlib.h>

class Channel {
public:
  Channel() : buf_(static_cast<char *>(malloc(32))) {
    buf_[0] = 'c';
    onClose_ = [this] { free(buf_); };
  }
  ~Channel() { onClose_(); }
  Channel(const Channel &) = delete;
  Channel &operator=(const Channel &) = delete;
  char first() const { return buf_[0]; }

private:
  char *buf_;
  std::function<void()> onClose_;
};

int main() {
  int Count = 0;
  for (int I = 0; I < 3; ++I) {
    Channel C;
    Count += C.first() == 'c';
  }
  return Count == 3 ? raii_oracle_finish() : 1;
}
