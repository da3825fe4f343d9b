#include "owner.h"

int useA() {
  Owner o;
  return o.first();
}
