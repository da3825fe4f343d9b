#include "windows.h"

class Shared {
public:
  Shared() { InitializeCriticalSection(&m_cs); }
  ~Shared() {}

private:
  CRITICAL_SECTION m_cs;
};
