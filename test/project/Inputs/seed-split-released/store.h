// The negative twin of seed-split: the destructor (c.cpp) calls a helper
// (b.cpp) that deletes the critical section. Nothing to report.
#pragma once
#include <windows.h>

class CMsgStore {
public:
  CMsgStore();
  ~CMsgStore();

private:
  void InitLocks();
  void TermLocks();
  CRITICAL_SECTION m_csLock;
};
