#include "../common/x.h"
// FAKE: fix ../common/x.h 17 0 "\n  ~X() { release(m_p); }"
// FAKE: fix a.cpp 0 0 "// fixed: \"a\" \\ caf\u00e9\n"
