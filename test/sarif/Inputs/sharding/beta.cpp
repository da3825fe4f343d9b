#include "lock.h"

class Own_beta {
public:
  Own_beta() { InitializeCriticalSection(&m_cs); }
  ~Own_beta() {}

private:
  CRITICAL_SECTION m_cs;
};
