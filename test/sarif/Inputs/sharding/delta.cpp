#include "lock.h"

int delta_value() { return 1; }
