#include "buffer.h"
#include "oracle.h"

int main() {
  for (int I = 0; I < 3; ++I) {
    Buffer B(64);
    B.Log("entry\n");
  }
  return raii_oracle_finish();
}
