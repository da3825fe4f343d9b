#include "windows.h"

class Clean {
public:
  Clean() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: critical section 'm_cs' is initialized
  ~Clean() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
