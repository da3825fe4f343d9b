// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N19: the base allocates; the derived destructor calls its override of a
// virtual hook, which frees (and leaves buf_ dangling, as the object is
// going away: a 'free(buf_)' added to ~Stream would free it twice).
#include "oracle.h"
#include <stdlib.h>

class Stream {
public:
  Stream() : buf_(static_cast<char *>(malloc(64))) { buf_[0] = 's'; }
  virtual ~Stream() {}
  Stream(const Stream &) = delete;
  Stream &operator=(const Stream &) = delete;
  char first() const { return buf_[0]; }

protected:
  virtual void shutdown() {}
  char *buf_;
};

class FileStream : public Stream {
public:
  ~FileStream() override { shutdown(); }

protected:
  void shutdown() override { free(buf_); }
};

int main() {
  int Count = 0;
  for (int I = 0; I < 3; ++I) {
    FileStream S;
    Count += S.first() == 's';
  }
  return Count == 3 ? raii_oracle_finish() : 1;
}
