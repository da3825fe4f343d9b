#pragma once
#include "util.h"

class Queue {
public:
  Queue();
  ~Queue();

private:
  pthread_mutex_t mu_;
  char *buf_;
};
