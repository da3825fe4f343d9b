#include "shared.h"
int b() { return 2; }
