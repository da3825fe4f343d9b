#include "common/x.h"
int c() { return 0; }
