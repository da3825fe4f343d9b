#include "windows.h"

class Crlf {
public:
  Crlf() { InitializeCriticalSection(&m_cs); }
  ~Crlf() {
    m_n = 0;
  }

private:
  CRITICAL_SECTION m_cs;
  int m_n;
};
