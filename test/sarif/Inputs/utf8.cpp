// Non-ASCII text before findings: SARIF columns count code points, clang's
// count bytes.
#include "windows.h"

class Größe {
public:
  Größe() { /* ünïcödé */ InitializeCriticalSection(&m_cs); }
  ~Größe() { /* ü */ }

private:
  CRITICAL_SECTION m_cs;
};

class Copyable {
public:
  Copyable() { InitializeCriticalSection(&m_cs); }
  ~Copyable() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
