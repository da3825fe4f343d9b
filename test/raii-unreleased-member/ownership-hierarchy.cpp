// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Hierarchies in the translation unit: a base's member that a derived
// destructor releases, through a helper of the base or a virtual override
// it calls, is released. Writing the release into the base's destructor
// would release it twice.
#include <stdlib.h>

class Base {
public:
  Base() : data_(new int[4]) {}
  virtual ~Base() {}
  Base(const Base &) = delete;
  Base &operator=(const Base &) = delete;

protected:
  void releaseData() { delete[] data_; }

private:
  int *data_;
};

class Derived : public Base {
public:
  ~Derived() override { releaseData(); }
};

class Stream {
public:
  Stream() : buf_(static_cast<char *>(malloc(64))) {}
  virtual ~Stream() {}
  Stream(const Stream &) = delete;
  Stream &operator=(const Stream &) = delete;

protected:
  virtual void shutdown() {}
  char *buf_;
};

class Middle : public Stream {};

// Two levels down, through its own override.
class FileStream : public Middle {
public:
  ~FileStream() override { shutdown(); }

protected:
  void shutdown() override { free(buf_); }
};

// Control: the derived destructor releases something else.
class Leaky {
public:
  Leaky() : p_(new int) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: memory 'p_' is allocated by 'new' in constructor 'Leaky' but never deleted in destructor '~Leaky' [raii-unreleased-member]
  virtual ~Leaky() {}
  // CHECK-FIXES: {{^}}  virtual ~Leaky() { delete p_; }{{$}}
  Leaky(const Leaky &) = delete;
  Leaky &operator=(const Leaky &) = delete;

protected:
  int *p_;
};

class LeakyDerived : public Leaky {
public:
  LeakyDerived() : q_(new int) {}
  ~LeakyDerived() override { delete q_; }

private:
  int *q_;
};
