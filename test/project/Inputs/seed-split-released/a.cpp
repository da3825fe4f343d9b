#include "store.h"

CMsgStore::CMsgStore() { InitLocks(); }
