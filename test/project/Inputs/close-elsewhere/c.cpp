#include "file.h"

LogFile::~LogFile() {}
