// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Ownership patterns measured on real code: a local that only relays an
// allocation into the member, a release on a failure branch that leaves the
// member null, a release through an explicit dereference, an object created
// with another owner (Qt-style), and a derived constructor allocating into a
// base member.
#include <stdio.h>

// `m_ = tmp = new T[n]`: the local relays, the member owns.
class Relay {
public:
  explicit Relay(int n) {
    int *tmp;
    data_ = tmp = new int[n];
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: memory 'data_' is allocated by 'new[]' in constructor 'Relay' but never deleted in destructor '~Relay' [raii-unreleased-member]
    tmp[0] = 0;
  }
  ~Relay() {}
  // CHECK-FIXES: {{^}}  ~Relay() { delete[] data_; }{{$}}
  Relay(const Relay &) = delete;
  Relay &operator=(const Relay &) = delete;

private:
  int *data_;
};

// A local that keeps the allocation does not relay: silent.
int *Elsewhere;
class RelayKept {
public:
  explicit RelayKept(int n) {
    int *tmp;
    data_ = tmp = new int[n];
    Elsewhere = tmp;
  }
  ~RelayKept() {}
  RelayKept(const RelayKept &) = delete;
  RelayKept &operator=(const RelayKept &) = delete;

private:
  int *data_;
};

// Released on a failure branch that goes on with the member null: on the
// other path the member is held, and the destructor forgets it.
class FailureBranch {
public:
  FailureBranch() {
    file_ = fopen("/tmp/raii-tidy-in", "r");
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: file 'file_' is opened by 'fopen' in constructor 'FailureBranch' but never closed in destructor '~FailureBranch' [raii-unreleased-member]
    if (!Usable()) {
      fclose(file_);
      file_ = nullptr;
    }
  }
  ~FailureBranch() {}
  // CHECK-FIXES: {{^}}  ~FailureBranch() { if (file_) fclose(file_); }{{$}}
  bool Usable() const;
  FailureBranch(const FailureBranch &) = delete;
  FailureBranch &operator=(const FailureBranch &) = delete;

private:
  FILE *file_;
};

// A release through `(*p).Release()` is the one through `p->Release()`.
struct Counted {
  void Release() {
    if (--Refs == 0)
      delete this;
  }
  int Refs = 1;
};
class DerefRelease {
public:
  DerefRelease() : obj_(new Counted) {}
  ~DerefRelease() { (*obj_).Release(); }
  DerefRelease(const DerefRelease &) = delete;
  DerefRelease &operator=(const DerefRelease &) = delete;

private:
  Counted *obj_;
};

// Qt-style: a child created with another owner belongs to it; one created
// without is the class's.
class QObject {
public:
  explicit QObject(QObject *parent = nullptr);
  virtual ~QObject();
};
class Child : public QObject {
public:
  explicit Child(QObject *parent = nullptr) : QObject(parent) {}
};
class Panel : public QObject {
public:
  explicit Panel(QObject *parent) : QObject(parent) {
    owned_by_parent_ = new Child(parent);
    orphan_ = new Child;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: memory 'orphan_' is allocated by 'new' in constructor 'Panel' but never deleted in destructor '~Panel' [raii-unreleased-member]
  }
  ~Panel() {}
  // CHECK-FIXES: {{^}}  ~Panel() { delete orphan_; }{{$}}
  Panel(const Panel &) = delete;
  Panel &operator=(const Panel &) = delete;

private:
  Child *owned_by_parent_;
  Child *orphan_;
};

// A derived constructor allocating into a base member that the base's
// destructor releases unless it is the inline buffer: silent.
class Buffer {
protected:
  Buffer() : data_(inline_) {}
  ~Buffer() {
    if (data_ != inline_)
      delete[] data_;
  }
  char *data_;
  char inline_[16];
};
class BigBuffer : public Buffer {
public:
  explicit BigBuffer(int n) { data_ = new char[n]; }
  BigBuffer(const BigBuffer &) = delete;
  BigBuffer &operator=(const BigBuffer &) = delete;
};

// The same with the base's release removed.
class PlainBuffer {
protected:
  PlainBuffer() : data_(inline_) {}
  ~PlainBuffer() {}
  char *data_;
  char inline_[16];
};
class BigPlainBuffer : public PlainBuffer {
public:
  explicit BigPlainBuffer(int n) { data_ = new char[n]; }
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: memory 'data_' is allocated by 'new[]' in constructor 'BigPlainBuffer' but never deleted; 'BigPlainBuffer' has no user-declared destructor [raii-unreleased-member]
  BigPlainBuffer(const BigPlainBuffer &) = delete;
  // CHECK-FIXES: {{^}}  ~BigPlainBuffer() { delete[] data_; }{{$}}
  BigPlainBuffer &operator=(const BigPlainBuffer &) = delete;
};
