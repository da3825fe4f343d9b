// Not a checker/ source: sources.test shows that windows_sources.py fails a
// source with POSIX-only includes, the one mingw-w64 has (<unistd.h>, which
// the compiler alone would accept) and the one it does not (<dlfcn.h>).
#include <unistd.h>
#include <dlfcn.h>

int pageSize() { return getpagesize(); }
