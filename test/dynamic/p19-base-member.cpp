// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P19: a derived constructor allocates into a member of its base, and no
// destructor of the hierarchy frees it; the fix frees it in the derived
// destructor.
#include "oracle.h"
#include <stdlib.h>
#include <string.h>

class Named {
public:
  Named() = default;
  Named(const Named &) = delete;
  Named &operator=(const Named &) = delete;
  virtual ~Named() {}
  const char *get() const { return name; }

protected:
  char *name = nullptr;
};

class Widget : public Named {
public:
  Widget() {
    name = static_cast<char *>(malloc(16));
    strcpy(name, "widget");
  }
  ~Widget() override {}
};

int main() {
  int Named = 0;
  for (int I = 0; I < 3; ++I) {
    Widget W;
    Named += W.get()[0] == 'w';
  }
  return Named == 3 ? raii_oracle_finish() : 1;
}
