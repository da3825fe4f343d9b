#include "lock.h"

class Own_epsilon {
public:
  Own_epsilon() { InitializeCriticalSection(&m_cs); }
  ~Own_epsilon() {}

private:
  CRITICAL_SECTION m_cs;
};
