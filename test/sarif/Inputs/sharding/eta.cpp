#include "lock.h"

class Own_eta {
public:
  Own_eta() { InitializeCriticalSection(&m_cs); }
  ~Own_eta() {}

private:
  CRITICAL_SECTION m_cs;
};
