#include "store.h"

CMsgStore::~CMsgStore() {
  m_folders = 0;
}
