// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// A constructor that stores a parameter adopts what the caller hands in:
// the class may own it (and then the destructor rightly releases it) or
// borrow it (and then a release written by a fix-it would be wrong).
#include <stdio.h>

class Adopts {
public:
  Adopts() : f_(fopen("/dev/null", "r")) {}
  explicit Adopts(FILE *F) : f_(F) {}
  ~Adopts() {
    if (f_)
      fclose(f_);
  }
  Adopts(const Adopts &) = delete;
  Adopts &operator=(const Adopts &) = delete;

private:
  FILE *f_;
};

class MaybeBorrows {
public:
  MaybeBorrows() : f_(fopen("/dev/null", "r")) {}
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: file 'f_' is opened by 'fopen' in constructor 'MaybeBorrows' but never closed in destructor '~MaybeBorrows' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE+9]]:9: note: 'f_' declared here
  // CHECK-NOTES: :[[@LINE+3]]:3: note: destructor '~MaybeBorrows' declared here
  explicit MaybeBorrows(FILE *F) : f_(F) {}
  // CHECK-NOTES: :[[@LINE-1]]:12: note: no fix-it: constructor 'MaybeBorrows' stores what it is given, which it may not own
  ~MaybeBorrows() {}
  MaybeBorrows(const MaybeBorrows &) = delete;
  MaybeBorrows &operator=(const MaybeBorrows &) = delete;

private:
  FILE *f_;
};
