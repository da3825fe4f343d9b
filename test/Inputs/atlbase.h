// Mock of ATL's CComCriticalSection (atlcore.h), which mingw-w64 does not
// ship: Init() initializes the critical section, Term() deletes it, and the
// class's own destructor does neither.
#pragma once
#include "windows.h"

typedef long HRESULT;
#define S_OK ((HRESULT)0L)

namespace ATL {
class CComCriticalSection {
public:
  CComCriticalSection() throw() {}
  ~CComCriticalSection() {}
  HRESULT Lock() throw() { EnterCriticalSection(&m_sec); return S_OK; }
  HRESULT Unlock() throw() { LeaveCriticalSection(&m_sec); return S_OK; }
  HRESULT Init() throw() { InitializeCriticalSection(&m_sec); return S_OK; }
  HRESULT Term() throw() { DeleteCriticalSection(&m_sec); return S_OK; }
  CRITICAL_SECTION m_sec;
};
} // namespace ATL
using namespace ATL;
