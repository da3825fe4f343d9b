#pragma once
#include <windows.h>

class Lock {
public:
  Lock() { InitializeCriticalSection(&m_cs); }
  ~Lock() {}

private:
  CRITICAL_SECTION m_cs;
};
