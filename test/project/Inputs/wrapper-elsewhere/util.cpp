#include "util.h"

void InitLock(pthread_mutex_t *m) {
  if (pthread_mutex_init(m, nullptr) != 0)
    abort();
}

char *MakeBuffer(size_t n) { return static_cast<char *>(malloc(n)); }

void Touch(char *p) {
  if (p)
    p[0] = 0;
}
