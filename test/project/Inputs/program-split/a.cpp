#include "buffer.h"

Buffer::Buffer(std::size_t n) : data_(new char[n]), n_(n), log_(nullptr) {
  OpenLog();
}
