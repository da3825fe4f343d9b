// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N6: 'm_p->attach(this)': the new object is registered with its owner
// through a method call on it; the owner deletes its children.
#include "oracle.h"
#include <vector>

class Panel;

class Button {
public:
  void attach(Panel *Parent);
  int width() const { return 2; }
};

class Panel {
public:
  Panel() {
    m_p = new Button;
    m_p->attach(this);
  }
  ~Panel() {
    for (Button *B : buttons_)
      delete B;
  }
  Panel(const Panel &) = delete;
  Panel &operator=(const Panel &) = delete;
  void add(Button *B) { buttons_.push_back(B); }
  int width() const { return m_p->width(); }

private:
  Button *m_p;
  std::vector<Button *> buttons_;
};

void Button::attach(Panel *Parent) { Parent->add(this); }

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Panel P;
    Sum += P.width();
  }
  return Sum == 6 ? raii_oracle_finish() : 1;
}
