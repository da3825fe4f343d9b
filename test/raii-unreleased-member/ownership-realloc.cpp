// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// realloc: `q = realloc(p, n)` releases p's block and acquires q;
// `p = realloc(p, n)` keeps p owned.
#include <stdlib.h>

class MovesBlock {
public:
  MovesBlock() {
    p_ = static_cast<char *>(malloc(8));
    q_ = static_cast<char *>(realloc(p_, 16));
  }
  ~MovesBlock() { free(q_); }
  MovesBlock(const MovesBlock &) = delete;
  MovesBlock &operator=(const MovesBlock &) = delete;

private:
  char *p_;
  char *q_;
};

class Grows {
public:
  Grows() {
    p_ = static_cast<char *>(malloc(8));
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: memory 'p_' is allocated by 'malloc' in constructor 'Grows' but never freed in destructor '~Grows' [raii-unreleased-member]
    p_ = static_cast<char *>(realloc(p_, 16));
  }
  ~Grows() {}
  // CHECK-FIXES: {{^}}  ~Grows() { free(p_); }{{$}}
  Grows(const Grows &) = delete;
  Grows &operator=(const Grows &) = delete;

private:
  char *p_;
};

// Moved into another member, which leaks.
class MovesAndLeaks {
public:
  MovesAndLeaks() : p_(static_cast<char *>(malloc(8))) {
    q_ = static_cast<char *>(realloc(p_, 32));
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: memory 'q_' is allocated by 'realloc' in constructor 'MovesAndLeaks' but never freed in destructor '~MovesAndLeaks' [raii-unreleased-member]
  }
  ~MovesAndLeaks() {}
  // CHECK-FIXES: {{^}}  ~MovesAndLeaks() { free(q_); }{{$}}
  MovesAndLeaks(const MovesAndLeaks &) = delete;
  MovesAndLeaks &operator=(const MovesAndLeaks &) = delete;

private:
  char *p_;
  char *q_;
};
