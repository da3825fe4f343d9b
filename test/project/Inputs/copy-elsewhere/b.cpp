#include "owner.h"

int useB() {
  Owner o;
  Owner copy = o;
  return copy.first();
}
