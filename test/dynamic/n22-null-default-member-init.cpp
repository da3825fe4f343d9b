// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N22: 'char *p_ = nullptr;' as default member initializer, one constructor
// allocates, the destructor 'delete[] p_'.
#include "oracle.h"
#include <string.h>

class Label {
public:
  Label() {}
  explicit Label(const char *Text) {
    p_ = new char[strlen(Text) + 1];
    strcpy(p_, Text);
  }
  ~Label() { delete[] p_; }
  Label(const Label &) = delete;
  Label &operator=(const Label &) = delete;
  size_t length() const { return p_ ? strlen(p_) : 0; }

private:
  char *p_ = nullptr;
};

int main() {
  size_t Total = 0;
  for (int I = 0; I < 3; ++I) {
    Label Empty, Named("ok");
    Total += Empty.length() + Named.length();
  }
  return Total == 6 ? raii_oracle_finish() : 1;
}
