// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Method calls on a pointer member: a body that reaches `delete this`
// releases the member; an unknown body, a virtual call or one handing
// `this` on may release it or keep it elsewhere. Either way: no warning.
// Intrusive reference counting and the COM shape are silent.

struct Counted {
  int Refs = 1;
  void duplicate() { ++Refs; }
  void release() {
    if (--Refs == 0)
      delete this;
  }
};

class HoldsCounted {
public:
  HoldsCounted() : p_(new Counted) {}
  ~HoldsCounted() { p_->release(); }
  HoldsCounted(const HoldsCounted &) = delete;
  HoldsCounted &operator=(const HoldsCounted &) = delete;

private:
  Counted *p_;
};

// Through its own helper, behind a count.
struct Node {
  void Unref() { dropRef(); }
  void dropRef() {
    if (--Refs == 0)
      destroy();
  }
  void destroy() { delete this; }
  int Refs = 1;
};

class HoldsNode {
public:
  HoldsNode() : n_(new Node) {}
  ~HoldsNode() { n_->Unref(); }
  HoldsNode(const HoldsNode &) = delete;
  HoldsNode &operator=(const HoldsNode &) = delete;

private:
  Node *n_;
};

// The COM shape: a virtual Release() on an interface.
struct IThing {
  virtual unsigned long AddRef() = 0;
  virtual unsigned long Release() = 0;

protected:
  ~IThing() = default;
};
struct Thing : IThing {
  unsigned long AddRef() override { return ++Refs; }
  unsigned long Release() override {
    unsigned long R = --Refs;
    if (R == 0)
      delete this;
    return R;
  }
  unsigned long Refs = 1;
};

class HoldsInterface {
public:
  HoldsInterface() : t_(new Thing) {}
  ~HoldsInterface() { t_->Release(); }
  HoldsInterface(const HoldsInterface &) = delete;
  HoldsInterface &operator=(const HoldsInterface &) = delete;

private:
  IThing *t_;
};

// The body is in another translation unit.
struct Remote {
  void close();
};

class HoldsRemote {
public:
  HoldsRemote() : r_(new Remote) {}
  ~HoldsRemote() { r_->close(); }
  HoldsRemote(const HoldsRemote &) = delete;
  HoldsRemote &operator=(const HoldsRemote &) = delete;

private:
  Remote *r_;
};

// A method that hands `this` on.
void adopt(struct Handed *);
struct Handed {
  void giveAway() { adopt(this); }
};

class HoldsHanded {
public:
  HoldsHanded() : h_(new Handed) {}
  ~HoldsHanded() { h_->giveAway(); }
  HoldsHanded(const HoldsHanded &) = delete;
  HoldsHanded &operator=(const HoldsHanded &) = delete;

private:
  Handed *h_;
};

// A method whose body is known and never destroys the object only uses it:
// the memory still leaks.
struct Plain {
  int size() const { return N; }
  void reset() { N = 0; }
  int N = 0;
};

class UsesPlain {
public:
  UsesPlain() : p_(new Plain) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: memory 'p_' is allocated by 'new' in constructor 'UsesPlain' but never deleted in destructor '~UsesPlain' [raii-unreleased-member]
  ~UsesPlain() { p_->reset(); }
  // CHECK-FIXES: {{^}}  ~UsesPlain() { p_->reset(); delete p_; }{{$}}
  UsesPlain(const UsesPlain &) = delete;
  UsesPlain &operator=(const UsesPlain &) = delete;
  int size() const { return p_->size(); }

private:
  Plain *p_;
};
