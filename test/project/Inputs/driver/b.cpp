#include "common/x.h"
// FAKE: fix ./common/x.h 17 0 "\n  ~X() { release(m_p); }"
