#include "queue.h"

template <typename T> class CCache {
public:
  CCache() { InitializeCriticalSection(&m_cs); }
  ~CCache() {}

private:
  CRITICAL_SECTION m_cs;
};

#ifdef RAII_FROM_RSP
class CDefinedByResponseFile {};
#endif
