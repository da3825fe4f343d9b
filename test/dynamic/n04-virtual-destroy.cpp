// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N4: the destructor calls a virtual 'destroy()' of an abstract interface;
// its implementation deletes the object (the body the call reaches is not
// known from the call).
#include "oracle.h"

class Disposable {
public:
  virtual void destroy() = 0;
  virtual int id() const = 0;

protected:
  virtual ~Disposable() = default;
};

class Widget : public Disposable {
public:
  void destroy() override { delete this; }
  int id() const override { return 4; }
};

class Window {
public:
  Window() : child_(new Widget) {}
  ~Window() { child_->destroy(); }
  Window(const Window &) = delete;
  Window &operator=(const Window &) = delete;
  int id() const { return child_->id(); }

private:
  Disposable *child_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Window W;
    Sum += W.id();
  }
  return Sum == 12 ? raii_oracle_finish() : 1;
}
