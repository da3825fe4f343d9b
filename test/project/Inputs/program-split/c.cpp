#include "buffer.h"

Buffer::~Buffer() {
  n_ = 0;
}
