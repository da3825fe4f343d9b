#include "file.h"

LogFile::LogFile(const char *path) : f_(std::fopen(path, "w")) {}
