// The descriptor oracle of the dynamic tests (test/dynamic/run_program.py).
//
// LeakSanitizer sees leaked memory but not leaked FILE * streams or
// descriptors, so this header counts the entries of /proc/self/fd when the
// program starts (static initialisation) and again when main() returns
// raii_oracle_finish(). More descriptors open at the end than at the start is
// a leak: it says so on stderr and main() returns 24.
#ifndef RAII_DYNAMIC_ORACLE_H
#define RAII_DYNAMIC_ORACLE_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>

inline int raii_oracle_count_fds() {
  DIR *Dir = opendir("/proc/self/fd");
  if (!Dir) {
    perror("fd-oracle: /proc/self/fd");
    return -1;
  }
  int Count = 0;
  while (struct dirent *Entry = readdir(Dir))
    if (strcmp(Entry->d_name, ".") != 0 && strcmp(Entry->d_name, "..") != 0)
      ++Count;
  closedir(Dir);
  return Count;
}

// Counted before main() runs.
inline const int raii_oracle_fds_at_start = raii_oracle_count_fds();

// main() returns this; the objects under test must be gone by then.
inline int raii_oracle_finish() {
  int AtEnd = raii_oracle_count_fds();
  if (raii_oracle_fds_at_start < 0 || AtEnd < 0)
    return 25;
  if (AtEnd > raii_oracle_fds_at_start) {
    fprintf(stderr, "fd-oracle: %d descriptor(s) leaked\n",
            AtEnd - raii_oracle_fds_at_start);
    return 24;
  }
  // Says whether AddressSanitizer (and so LeakSanitizer) is in the program:
  // a clean run of a program built without it proves nothing.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RAII_ORACLE_ASAN 1
#endif
#endif
#if defined(RAII_ORACLE_ASAN) || defined(__SANITIZE_ADDRESS__)
  fprintf(stderr, "raii-oracle: finished with AddressSanitizer\n");
#else
  fprintf(stderr, "raii-oracle: finished without AddressSanitizer\n");
#endif
  return 0;
}

#endif
