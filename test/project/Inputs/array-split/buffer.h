// new[] in one file, the destructor in another (program-split is the same
// code as a program, run before and after the fix).
#pragma once
#include <cstddef>
#include <cstdio>

class Buffer {
public:
  explicit Buffer(std::size_t n);
  ~Buffer();
  void Log(const char *text);
  std::size_t size() const { return n_; }

private:
  void OpenLog();
  char *data_;
  std::size_t n_;
  FILE *log_;
};
