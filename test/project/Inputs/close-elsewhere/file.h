// Released by a closing method defined in another file, which the
// destructor does not call: reported, with no fix-it (a release in the
// destructor would run after Close() too).
#pragma once
#include <cstdio>

class LogFile {
public:
  explicit LogFile(const char *path);
  ~LogFile();
  void Close();

private:
  FILE *f_;
};
