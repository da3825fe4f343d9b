#include "store.h"

void CMsgStore::InitLocks() {
  InitializeCriticalSection(&m_csLock);
}

void CMsgStore::Open() {
  EnterCriticalSection(&m_csLock);
  ++m_folders;
  LeaveCriticalSection(&m_csLock);
}
