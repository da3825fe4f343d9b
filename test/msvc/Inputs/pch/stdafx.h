// A precompiled header, as Windows projects have (StdAfx.h): its class
// template's delayed bodies are stored in the PCH, not in the file.
#pragma once
#include "windows.h"

template <typename T> class CHeld {
public:
  CHeld() { InitializeCriticalSection(&m_cs); }
  ~CHeld() {}

private:
  CRITICAL_SECTION m_cs;
};
