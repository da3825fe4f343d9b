// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P16: the constructor closes the descriptor on its failure path only (and
// throws, which never happens here): the completed object still owns it.
#include "oracle.h"
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

class MappedFile {
public:
  explicit MappedFile(const char *Path) {
    fd_ = open(Path, O_RDONLY);
    if (fd_ < 0)
      throw std::runtime_error("open failed");
    struct stat St;
    if (fstat(fd_, &St) < 0) {
      close(fd_);
      throw std::runtime_error("fstat failed");
    }
    size_ = St.st_size;
  }
  ~MappedFile() {}
  MappedFile(const MappedFile &) = delete;
  MappedFile &operator=(const MappedFile &) = delete;
  long size() const { return size_; }

private:
  int fd_;
  long size_ = 0;
};

int main() {
  long Total = 0;
  for (int I = 0; I < 3; ++I) {
    MappedFile F("/dev/null");
    Total += F.size();
  }
  return Total == 0 ? raii_oracle_finish() : 1;
}
