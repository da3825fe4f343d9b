// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N27: control: a class that acquires in its constructor, releases in its
// destructor, and deletes its copies.
#include "oracle.h"
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

class Resource {
public:
  Resource()
      : mem_(static_cast<char *>(malloc(16))),
        fd_(open("/dev/null", O_RDONLY)) {}
  ~Resource() {
    free(mem_);
    if (fd_ >= 0)
      close(fd_);
  }
  Resource(const Resource &) = delete;
  Resource &operator=(const Resource &) = delete;
  bool ok() const { return mem_ && fd_ >= 0; }

private:
  char *mem_;
  int fd_;
};

int main() {
  int Ok = 0;
  for (int I = 0; I < 3; ++I) {
    Resource R;
    Ok += R.ok();
  }
  return Ok == 3 ? raii_oracle_finish() : 1;
}
