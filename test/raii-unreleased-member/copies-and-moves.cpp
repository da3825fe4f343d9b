// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// A release written into the destructor runs once per object: when the
// translation unit copies the class with its implicit copy constructor, or
// moves it with an implicit move that a new destructor would turn into a
// copy, the copies share the resource and the release would run twice. The
// leak is reported; no fix-it (test/project/copy-elsewhere.test: the same
// for copies in other files).
#include <utility>

class Moved {
public:
  Moved() : p_(new int[4]()) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: memory 'p_' is allocated by 'new[]' in constructor 'Moved' but never deleted; 'Moved' has no user-declared destructor [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: no fix-it: 'Moved' is moved in this translation unit, by an implicit move that a new destructor would turn into a copy
  int first() const { return p_[0]; }

private:
  int *p_;
};

int useMoved() {
  Moved m;
  Moved other = std::move(m);
  return other.first();
}

class Copied {
public:
  Copied() : p_(new int[4]()) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: memory 'p_' is allocated by 'new[]' in constructor 'Copied' but never deleted in destructor '~Copied' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: no fix-it: 'Copied' is copied in this translation unit: a release in the destructor would run for the copy too
  ~Copied() {}
  int first() const { return p_[0]; }

private:
  int *p_;
};

int useCopied() {
  Copied c;
  Copied copy = c;
  return copy.first();
}

// Copied through a user-written copy constructor, which owns its own
// allocation: the release is right.
class DeepCopied {
public:
  DeepCopied() : p_(new int[4]()) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: memory 'p_' is allocated by 'new[]' in constructor 'DeepCopied' but never deleted in destructor '~DeepCopied' [raii-unreleased-member]
  DeepCopied(const DeepCopied &o) : p_(new int[4]()) { p_[0] = o.p_[0]; }
  DeepCopied &operator=(const DeepCopied &) = delete;
  ~DeepCopied() {}
  // CHECK-FIXES: {{^}}  ~DeepCopied() { delete[] p_; }{{$}}
  int first() const { return p_[0]; }

private:
  int *p_;
};

int useDeep() {
  DeepCopied d;
  DeepCopied copy = d;
  return copy.first();
}
