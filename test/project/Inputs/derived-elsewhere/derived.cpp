#include "base.h"

Derived::~Derived() { delete[] slots_; }
