#include "store.h"

CMsgStore::~CMsgStore() { TermLocks(); }
