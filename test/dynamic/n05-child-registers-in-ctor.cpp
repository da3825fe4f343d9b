// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N5: 'm_p = new Item(this)': the item's constructor registers itself with
// its owner, whose destructor deletes every registered child.
#include "oracle.h"
#include <vector>

class Owner;

class Item {
public:
  explicit Item(Owner *Parent);
  int value() const { return 5; }
};

class Owner {
public:
  Owner() { m_p = new Item(this); }
  ~Owner() {
    for (Item *Child : children_)
      delete Child;
  }
  Owner(const Owner &) = delete;
  Owner &operator=(const Owner &) = delete;
  void adopt(Item *Child) { children_.push_back(Child); }
  int value() const { return m_p->value(); }

private:
  Item *m_p;
  std::vector<Item *> children_;
};

Item::Item(Owner *Parent) { Parent->adopt(this); }

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Owner O;
    Sum += O.value();
  }
  return Sum == 15 ? raii_oracle_finish() : 1;
}
