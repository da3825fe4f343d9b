// DYNAMIC: clean
// Releases what it acquires: clean, if a sanitizer looks.
#include "oracle.h"
#include <stdlib.h>

class Buffer {
public:
  Buffer() : data_(static_cast<char *>(malloc(16))) { data_[0] = 'x'; }
  ~Buffer() { free(data_); }
  Buffer(const Buffer &) = delete;
  Buffer &operator=(const Buffer &) = delete;

private:
  char *data_;
};

int main() {
  { Buffer B; }
  return raii_oracle_finish();
}
