#include <stdlib.h>

class Buffer {
public:
  Buffer() : data_(static_cast<char *>(malloc(16))) {}
  ~Buffer() {}

private:
  char *data_;
};
