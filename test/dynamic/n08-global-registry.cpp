// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N8: the member is handed to a global registry, which frees everything when
// main() calls its cleanup function.
#include "oracle.h"
#include <stdlib.h>
#include <vector>

static std::vector<void *> Registry;

void registryAdopt(void *Block) { Registry.push_back(Block); }

void registryCleanup() {
  for (void *Block : Registry)
    free(Block);
  Registry.clear();
  Registry.shrink_to_fit();
}

class Session {
public:
  Session() : token_(static_cast<char *>(malloc(24))) {
    token_[0] = 't';
    registryAdopt(token_);
  }
  ~Session() {}
  Session(const Session &) = delete;
  Session &operator=(const Session &) = delete;
  char first() const { return token_[0]; }

private:
  char *token_;
};

int main() {
  int Count = 0;
  for (int I = 0; I < 3; ++I) {
    Session S;
    Count += S.first() == 't';
  }
  registryCleanup();
  return Count == 3 ? raii_oracle_finish() : 1;
}
