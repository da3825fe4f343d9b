// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P18: a two-phase object driven like ATL drives one (FinalConstruct after
// construction, FinalRelease once before destruction): the buffer that
// FinalConstruct allocates leaks; the fix frees it in FinalRelease.
#include "oracle.h"
#include <stdlib.h>
#include <string.h>

class Cache {
public:
  Cache(const Cache &) = delete;
  Cache &operator=(const Cache &) = delete;
  Cache() = default;
  long FinalConstruct() {
    buf_ = static_cast<char *>(malloc(64));
    return buf_ ? 0 : -1;
  }
  void FinalRelease() { used_ = 0; }
  void put(const char *S) { strncpy(buf_, S, 63), used_ = 1; }
  int used() const { return used_; }

private:
  char *buf_ = nullptr;
  int used_ = 0;
};

int main() {
  int Used = 0;
  for (int I = 0; I < 3; ++I) {
    Cache *C = new Cache;
    if (C->FinalConstruct() != 0)
      return 1;
    C->put("entry");
    Used += C->used();
    C->FinalRelease();
    delete C;
  }
  return Used == 3 ? raii_oracle_finish() : 1;
}
