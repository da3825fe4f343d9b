#include "file.h"

void LogFile::Close() {
  if (f_)
    std::fclose(f_);
  f_ = nullptr;
}
