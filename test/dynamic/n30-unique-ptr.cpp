// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N30: std::unique_ptr members, one with a custom deleter for FILE * (smart
// pointers release themselves).
#include "oracle.h"
#include <memory>
#include <stdio.h>

struct FileCloser {
  void operator()(FILE *F) const { fclose(F); }
};

struct Node {
  int Value = 1;
};

class Document {
public:
  Document() : root_(new Node), file_(fopen("/dev/null", "r")) {}
  ~Document() {}
  int value() const { return root_->Value + (file_ ? 1 : 0); }

private:
  std::unique_ptr<Node> root_;
  std::unique_ptr<FILE, FileCloser> file_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Document D;
    Sum += D.value();
  }
  return Sum == 6 ? raii_oracle_finish() : 1;
}
