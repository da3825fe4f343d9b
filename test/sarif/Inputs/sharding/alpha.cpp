#include "lock.h"

int alpha_value() { return 1; }
