#include "queue.h"

// Dead code MSVC never compiles.
template <typename T> class CStale {
public:
  CStale() { InitializeCriticalSection(&m_cs); m_cs.Gone = 0; }

private:
  CRITICAL_SECTION m_cs;
};
