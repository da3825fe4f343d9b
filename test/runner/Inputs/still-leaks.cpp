// DYNAMIC: leaks
// The class's leak is fixed by --fix, but main() leaks on its own, where no
// check looks: the fixed program still leaks, and the harness must say so.
#include "oracle.h"
#include <stdlib.h>

class Buffer {
public:
  Buffer() : data_(static_cast<char *>(malloc(16))) { data_[0] = 'x'; }
  ~Buffer() {}

private:
  char *data_;
};

void *volatile Escaped;

int main() {
  { Buffer B; }
  Escaped = malloc(32);
  Escaped = nullptr;
  return raii_oracle_finish();
}
