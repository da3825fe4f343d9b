// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P4: a strdup'd member and '~Name() = default;'.
#include "oracle.h"
#include <stdlib.h>
#include <string.h>

class Name {
public:
  explicit Name(const char *Text) : text_(strdup(Text)) {}
  ~Name() = default;
  Name(const Name &) = delete;
  Name &operator=(const Name &) = delete;
  size_t length() const { return strlen(text_); }

private:
  char *text_;
};

int main() {
  size_t Total = 0;
  const char *Words[] = {"alpha", "beta", "gamma", "delta"};
  for (const char *W : Words) {
    Name N(W);
    Total += N.length();
  }
  return Total == 19 ? raii_oracle_finish() : 1;
}
