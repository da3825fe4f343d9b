// A wrapper and a factory defined in util.cpp, used by a constructor in
// queue.cpp: with the project's facts they acquire, as when their bodies are
// in the same file.
#pragma once
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

void InitLock(pthread_mutex_t *m);
char *MakeBuffer(size_t n);
void Touch(char *p);
