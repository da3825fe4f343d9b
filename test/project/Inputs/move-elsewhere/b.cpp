#include "holder.h"
#include <utility>

int useB() {
  Holder h;
  Holder moved = std::move(h);
  return moved.first();
}
