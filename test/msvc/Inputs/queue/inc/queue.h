// A header-only class template, as Windows code bases keep them; no file
// of the project instantiates it.
#pragma once
#include <windows.h>

template <typename T> class CQueue {
public:
  CQueue() : m_count(0) { InitializeCriticalSection(&m_cs); }
  ~CQueue() {}
  void Push(const T &) {
    EnterCriticalSection(&m_cs);
    ++m_count;
    LeaveCriticalSection(&m_cs);
  }

private:
  CRITICAL_SECTION m_cs;
  int m_count;
};
