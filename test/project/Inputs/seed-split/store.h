// KB Q265514 over three files: the constructor (a.cpp) calls a helper
// (b.cpp) that initializes the critical section; the destructor (c.cpp)
// never deletes it.
#pragma once
#include <windows.h>

class CMsgStore {
public:
  CMsgStore();
  ~CMsgStore();
  void Open();

private:
  void InitLocks();
  CRITICAL_SECTION m_csLock;
  int m_folders = 0;
};
