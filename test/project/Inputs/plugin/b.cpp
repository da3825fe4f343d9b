#include "common/lock.h"

int b() {
  Lock l;
  return 1;
}
