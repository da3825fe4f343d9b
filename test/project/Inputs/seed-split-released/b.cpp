#include "store.h"

void CMsgStore::InitLocks() { InitializeCriticalSection(&m_csLock); }
void CMsgStore::TermLocks() { DeleteCriticalSection(&m_csLock); }
