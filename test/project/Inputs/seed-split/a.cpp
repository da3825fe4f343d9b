#include "store.h"

CMsgStore::CMsgStore() {
  InitLocks();
  m_folders = 1;
}
