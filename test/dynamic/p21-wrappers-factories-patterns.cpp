// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P21: acquisitions the user's own code makes: a factory two levels deep,
// a factory returning through a local, a local that only relays `new[]`
// into the member, and a constructor that closes on a failure branch and
// goes on with the member null. A child created with another owner is that
// owner's, and the one without is the class's.
#include "oracle.h"
#include <stdio.h>
#include <stdlib.h>

static char *MakeBuffer(size_t N) { return static_cast<char *>(malloc(N)); }
static char *MakeDouble(size_t N) { return MakeBuffer(N * 2); }
static FILE *OpenNull() {
  FILE *F = fopen("/dev/null", "w");
  if (!F)
    return nullptr;
  return F;
}

class Factory {
public:
  Factory() : buf_(MakeDouble(16)), log_(OpenNull()) {}
  ~Factory() {}
  Factory(const Factory &) = delete;
  Factory &operator=(const Factory &) = delete;
  bool ok() const { return buf_ && log_; }

private:
  char *buf_;
  FILE *log_;
};

class Relay {
public:
  explicit Relay(int N) {
    int *Tmp;
    data_ = Tmp = new int[N];
    Tmp[0] = 7;
  }
  ~Relay() {}
  Relay(const Relay &) = delete;
  Relay &operator=(const Relay &) = delete;
  int first() const { return data_[0]; }

private:
  int *data_;
};

class FailureBranch {
public:
  explicit FailureBranch(bool Fail) {
    file_ = fopen("/dev/null", "r");
    if (Fail) {
      fclose(file_);
      file_ = nullptr;
    }
  }
  ~FailureBranch() {}
  FailureBranch(const FailureBranch &) = delete;
  FailureBranch &operator=(const FailureBranch &) = delete;

private:
  FILE *file_;
};

class Node {
public:
  explicit Node(Node *Parent = nullptr) : next_(nullptr) {
    if (Parent) {
      next_ = Parent->children_;
      Parent->children_ = this;
    }
  }
  virtual ~Node() {
    while (children_) {
      Node *C = children_;
      children_ = C->next_;
      delete C;
    }
  }
  Node(const Node &) = delete;
  Node &operator=(const Node &) = delete;

private:
  Node *children_ = nullptr;
  Node *next_;
};

class Panel : public Node {
public:
  explicit Panel(Node *Parent) : Node(Parent) {
    kept_by_parent_ = new Node(Parent);
    own_ = new Node;
  }
  ~Panel() override {}

private:
  Node *kept_by_parent_;
  Node *own_;
};

int main() {
  int Sum = 0;
  Node Root;
  for (int I = 0; I < 3; ++I) {
    Factory F;
    Relay R(4);
    FailureBranch A(false), B(true);
    Sum += F.ok() + R.first();
    new Panel(&Root);
  }
  return Sum == 24 ? raii_oracle_finish() : 1;
}
