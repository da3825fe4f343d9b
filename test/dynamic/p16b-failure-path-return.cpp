// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P16 (second form): the constructor closes and resets the descriptor on a
// failure path that returns early; on success the object owns it and leaks.
#include "oracle.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

class Input {
public:
  explicit Input(const char *Path) {
    fd_ = open(Path, O_RDONLY);
    if (fd_ < 0)
      return;
    struct stat St;
    if (fstat(fd_, &St) < 0) {
      close(fd_);
      fd_ = -1;
      return;
    }
    ok_ = true;
  }
  ~Input() {}
  Input(const Input &) = delete;
  Input &operator=(const Input &) = delete;
  bool ok() const { return ok_; }

private:
  int fd_ = -1;
  bool ok_ = false;
};

int main() {
  int Ok = 0;
  for (int I = 0; I < 3; ++I) {
    Input In("/dev/null");
    Ok += In.ok();
  }
  return Ok == 3 ? raii_oracle_finish() : 1;
}
