#include "windows.h"

class Leaky {
public:
  Leaky() { InitializeCriticalSection(&m_cs); }
  ~Leaky() {}

private:
  CRITICAL_SECTION m_cs;
};
