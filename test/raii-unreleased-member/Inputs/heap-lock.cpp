#include "windows.h"

class CHeapLock {
public:
  CHeapLock() {
    m_pcs = new CRITICAL_SECTION;
    InitializeCriticalSection(m_pcs);
  }
  ~CHeapLock() {
  }
  CHeapLock(const CHeapLock &) = delete;
  CHeapLock &operator=(const CHeapLock &) = delete;

private:
  LPCRITICAL_SECTION m_pcs;
};
