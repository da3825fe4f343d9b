#include "holder.h"

int useA() {
  Holder h;
  return h.first();
}
