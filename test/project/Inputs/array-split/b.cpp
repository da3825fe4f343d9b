#include "buffer.h"

void Buffer::OpenLog() { log_ = std::tmpfile(); }

void Buffer::Log(const char *text) {
  if (log_)
    std::fputs(text, log_);
}
