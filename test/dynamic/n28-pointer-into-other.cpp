// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N28: a pointer member that only points into another object
// ('p_ = &other->field'): not a resource.
#include "oracle.h"

struct Settings {
  int Width = 80;
  int Height = 25;
};

class View {
public:
  explicit View(Settings *Other) { p_ = &Other->Width; }
  ~View() {}
  int width() const { return *p_; }

private:
  int *p_;
};

int main() {
  Settings S;
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    View V(&S);
    Sum += V.width();
  }
  return Sum == 240 ? raii_oracle_finish() : 1;
}
