// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Moves: a constructor that takes the resource over from another object
// acquires it.
#include <stdlib.h>
#include <utility>

class Moved {
public:
  Moved() : p_(new int) {}
  Moved(Moved &&O) : p_(O.p_) { O.p_ = nullptr; }
  ~Moved() { delete p_; }

private:
  int *p_;
};

class Exchanged {
public:
  Exchanged() : p_(static_cast<char *>(malloc(4))) {}
  Exchanged(Exchanged &&O) noexcept : p_(std::exchange(O.p_, nullptr)) {}
  ~Exchanged() { free(p_); }

private:
  char *p_;
};

class AssignedInBody {
public:
  AssignedInBody() : p_(new int[2]) {}
  AssignedInBody(AssignedInBody &&O) {
    p_ = O.p_;
    O.p_ = nullptr;
  }
  ~AssignedInBody() { delete[] p_; }

private:
  int *p_;
};

// A leak with a move constructor still gets its fix-it: after a move the
// member holds the other object's resource (or null).
class MovedLeak {
public:
  MovedLeak() : p_(new int) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: memory 'p_' is allocated by 'new' in constructor 'MovedLeak' but never deleted in destructor '~MovedLeak' [raii-unreleased-member]
  MovedLeak(MovedLeak &&O) : p_(std::exchange(O.p_, nullptr)) {}
  ~MovedLeak() {}
  // CHECK-FIXES: {{^}}  ~MovedLeak() { delete p_; }{{$}}

private:
  int *p_;
};
