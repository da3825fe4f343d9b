#include "windows.h"

// Included by every translation unit: each shard reports this leak.
class SharedLock {
public:
  SharedLock() { InitializeCriticalSection(&m_cs); }
  ~SharedLock() {}

private:
  CRITICAL_SECTION m_cs;
};
