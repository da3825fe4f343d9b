// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N21: constructors that set the member to 0 and to NULL, one that mallocs;
// the destructor's 'free(s_)' is right for all of them.
#include "oracle.h"
#include <stdlib.h>
#include <string.h>

class Str {
public:
  Str() : s_(NULL) {}
  explicit Str(int) : s_(0) {}
  explicit Str(const char *Text)
      : s_(static_cast<char *>(malloc(strlen(Text) + 1))) {
    strcpy(s_, Text);
  }
  ~Str() { free(s_); }
  Str(const Str &) = delete;
  Str &operator=(const Str &) = delete;
  size_t length() const { return s_ ? strlen(s_) : 0; }

private:
  char *s_;
};

int main() {
  size_t Total = 0;
  for (int I = 0; I < 3; ++I) {
    Str A, B(1), C("four");
    Total += A.length() + B.length() + C.length();
  }
  return Total == 12 ? raii_oracle_finish() : 1;
}
