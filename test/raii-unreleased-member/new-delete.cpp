// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

#include <stdlib.h>

struct Node {
  int Value;
};

// new and new[]; arrays of owned pointers; a defaulted destructor.
class Tree {
public:
  Tree() : root_(new Node{1}), values_(new int[8]) {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: memory 'root_' is allocated by 'new' in constructor 'Tree' but never deleted in destructor '~Tree' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-2]]:40: warning: memory 'values_' is allocated by 'new[]' in constructor 'Tree' but never deleted in destructor '~Tree' [raii-unreleased-member]
    for (int I = 0; I < 4; ++I)
      leaves_[I] = new Node{I};
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: memory 'leaves_' is allocated by 'new' in constructor 'Tree' but never deleted in destructor '~Tree' [raii-unreleased-member]
  }
  ~Tree() {}
  // CHECK-FIXES: {{^}}  ~Tree() { delete root_; delete[] values_; for (auto &Element : leaves_) delete Element; }{{$}}
  Tree(const Tree &) = delete;
  Tree &operator=(const Tree &) = delete;

private:
  Node *root_;
  int *values_;
  Node *leaves_[4];
};

// Mismatched releases: the warning is at the release, and the fix-it
// replaces it with the family's own.
class Mismatched {
public:
  Mismatched() {
    chars_ = new char[32];
    one_ = new Node{2};
    raw_ = static_cast<int *>(malloc(sizeof(int)));
  }
  ~Mismatched() {
    delete chars_;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: memory 'chars_' is allocated by 'new[]' in constructor 'Mismatched' but released by 'delete' in '~Mismatched'; it must be deleted by 'delete[]' [raii-unreleased-member]
    free(one_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: memory 'one_' is allocated by 'new' in constructor 'Mismatched' but released by 'free' in '~Mismatched'; it must be deleted by 'delete' [raii-unreleased-member]
    delete (this->raw_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: memory 'raw_' is allocated by 'malloc' in constructor 'Mismatched' but released by 'delete' in '~Mismatched'; it must be freed by 'free' [raii-unreleased-member]
  }
  // CHECK-FIXES: {{^}}    delete[] chars_;{{$}}
  // CHECK-FIXES: {{^}}    delete one_;{{$}}
  // CHECK-FIXES: {{^}}    free(this->raw_);{{$}}
  Mismatched(const Mismatched &) = delete;
  Mismatched &operator=(const Mismatched &) = delete;

private:
  char *chars_;
  Node *one_;
  int *raw_;
};

// Silent: deleted in the destructor; deleted through a helper; handed to
// another owner; placement new is not an allocation it owns.
class Owner {
public:
  Owner() : a_(new Node{1}), b_(new int[2]) { Adopt(c_ = new Node{3}); }
  ~Owner() {
    delete a_;
    Reset();
  }
  Owner(const Owner &) = delete;
  Owner &operator=(const Owner &) = delete;

private:
  void Reset() { delete[] b_; }
  static void Adopt(Node *) {}
  Node *a_;
  int *b_;
  Node *c_;
};

// The destructor is declared after the constructor, lined up with its first
// line, not with its initializer list.
class Spread {
public:
  explicit Spread(int n)
      : items_(new int[n]) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: memory 'items_' is allocated by 'new[]' in constructor 'Spread' but never deleted; 'Spread' has no user-declared destructor [raii-unreleased-member]
  // CHECK-FIXES: {{^}}      : items_(new int[n]) {}{{$}}
  // CHECK-FIXES-NEXT: {{^}}  ~Spread() { delete[] items_; }{{$}}

private:
  int *items_;
};
