// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Registration and hand-off: an object created with `this` may register
// itself with its owner, which then releases it; a member stored in a
// container or another object, or passed to a function that is not a known
// use, is no longer the class's alone.
#include <stdlib.h>
#include <vector>

class Parent;

// Stores its owner: the parent may delete its children through it.
struct Child {
  explicit Child(Parent *P);
  Parent *Owner;
};

class Parent {
public:
  Parent() { c_ = new Child(this); }
  ~Parent() {}
  Parent(const Parent &) = delete;
  Parent &operator=(const Parent &) = delete;

private:
  Child *c_;
};

Child::Child(Parent *P) : Owner(P) {}

// The constructor taking `this` is declared only: it may keep it.
struct Listener {
  explicit Listener(void *Owner);
};

class Observed {
public:
  Observed() : l_(new Listener(this)) {}
  ~Observed() {}
  Observed(const Observed &) = delete;
  Observed &operator=(const Observed &) = delete;

private:
  Listener *l_;
};

// The constructor ignores the pointer it is given: the memory is the
// class's, and leaks.
struct Tagged {
  explicit Tagged(const void *) {}
};

class TagsItself {
public:
  TagsItself() : t_(new Tagged(this)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: memory 't_' is allocated by 'new' in constructor 'TagsItself' but never deleted in destructor '~TagsItself' [raii-unreleased-member]
  ~TagsItself() {}
  // CHECK-FIXES: {{^}}  ~TagsItself() { delete t_; }{{$}}
  TagsItself(const TagsItself &) = delete;
  TagsItself &operator=(const TagsItself &) = delete;

private:
  Tagged *t_;
};

// attach(this) on the member: it may register the owner.
struct Widget {
  void attach(void *Owner);
};

class Window {
public:
  Window() : w_(new Widget) { w_->attach(this); }
  ~Window() {}
  Window(const Window &) = delete;
  Window &operator=(const Window &) = delete;

private:
  Widget *w_;
};

// Stored in a container that the destructor empties.
class Pool {
public:
  Pool() {
    block_ = static_cast<char *>(malloc(64));
    all_.push_back(block_);
  }
  ~Pool() {
    for (char *B : all_)
      free(B);
  }
  Pool(const Pool &) = delete;
  Pool &operator=(const Pool &) = delete;

private:
  char *block_;
  std::vector<char *> all_;
};

// Stored into another object.
struct Registry {
  char *Slot;
};
extern Registry TheRegistry;

class Registers {
public:
  Registers() : b_(static_cast<char *>(malloc(8))) { TheRegistry.Slot = b_; }
  ~Registers() {}
  Registers(const Registers &) = delete;
  Registers &operator=(const Registers &) = delete;

private:
  char *b_;
};

// A function of the user's is judged by its body: one that keeps its
// argument takes it over; one that only reads through it does not.
static char *Kept;
static void keep(char *P) { Kept = P; }
static int peek(const char *P) { return P ? *P : 0; }

class KeptByHelper {
public:
  KeptByHelper() : b_(static_cast<char *>(malloc(8))) { keep(b_); }
  ~KeptByHelper() {}
  KeptByHelper(const KeptByHelper &) = delete;
  KeptByHelper &operator=(const KeptByHelper &) = delete;

private:
  char *b_;
};

class PeekedByHelper {
public:
  PeekedByHelper() : b_(static_cast<char *>(malloc(8))) { peek(b_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: memory 'b_' is allocated by 'malloc' in constructor 'PeekedByHelper' but never freed in destructor '~PeekedByHelper' [raii-unreleased-member]
  ~PeekedByHelper() {}
  // CHECK-FIXES: {{^}}  ~PeekedByHelper() { free(b_); }{{$}}
  PeekedByHelper(const PeekedByHelper &) = delete;
  PeekedByHelper &operator=(const PeekedByHelper &) = delete;

private:
  char *b_;
};
