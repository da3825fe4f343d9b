#include "../common/lock.h"

int a() {
  Lock l;
  return 0;
}
