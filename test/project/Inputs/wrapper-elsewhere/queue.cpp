#include "queue.h"

Queue::Queue() {
  InitLock(&mu_);
  buf_ = MakeBuffer(64);
  Touch(buf_);
}

Queue::~Queue() {}
