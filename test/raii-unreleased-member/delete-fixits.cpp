// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// A `delete` fix-it only when it is certainly right: the pointee is
// complete, its destructor is accessible, and either the allocated type is
// the static type or the static type's destructor is virtual. Otherwise the
// leak is reported with a note saying why there is no fix-it.
#include <stdint.h>
#include <stdlib.h>

struct Codec {
  virtual int decode() = 0;
  ~Codec() {}
};
struct Rle : Codec {
  int decode() override { return 0; }
};

class NonVirtualBase {
public:
  NonVirtualBase() : c_(new Rle) {}
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: memory 'c_' is allocated by 'new' in constructor 'NonVirtualBase' but never deleted in destructor '~NonVirtualBase' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE+8]]:10: note: 'c_' declared here
  // CHECK-NOTES: :[[@LINE+2]]:3: note: destructor '~NonVirtualBase' declared here
  // CHECK-NOTES: :[[@LINE-4]]:25: note: no fix-it: 'Codec' has no virtual destructor and the object allocated is a 'Rle'
  ~NonVirtualBase() {}
  NonVirtualBase(const NonVirtualBase &) = delete;
  NonVirtualBase &operator=(const NonVirtualBase &) = delete;

private:
  Codec *c_;
};

struct Shape {
  virtual ~Shape() {}
};
struct Circle : Shape {};

// A virtual destructor makes deleting through the base right.
class VirtualBase {
public:
  VirtualBase() : s_(new Circle) {}
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: memory 's_' is allocated by 'new' in constructor 'VirtualBase' but never deleted in destructor '~VirtualBase' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE+3]]:19: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE+8]]:10: note: 's_' declared here
  // CHECK-NOTES: :[[@LINE+1]]:3: note: destructor '~VirtualBase' declared here
  ~VirtualBase() {}
  // CHECK-FIXES: {{^}}  ~VirtualBase() { delete s_; }{{$}}
  VirtualBase(const VirtualBase &) = delete;
  VirtualBase &operator=(const VirtualBase &) = delete;

private:
  Shape *s_;
};

class Guarded {
protected:
  ~Guarded() {}

public:
  static Guarded *make() { return new Guarded; }
};

class ProtectedDestructor {
public:
  ProtectedDestructor() : g_(new Guarded) {}
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: memory 'g_' is allocated by 'new' in constructor 'ProtectedDestructor' but never deleted in destructor '~ProtectedDestructor' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE+8]]:12: note: 'g_' declared here
  // CHECK-NOTES: :[[@LINE+2]]:3: note: destructor '~ProtectedDestructor' declared here
  // CHECK-NOTES: :[[@LINE-4]]:30: note: no fix-it: the destructor of 'Guarded' is protected
  ~ProtectedDestructor() {}
  ProtectedDestructor(const ProtectedDestructor &) = delete;
  ProtectedDestructor &operator=(const ProtectedDestructor &) = delete;

private:
  Guarded *g_;
};

// A friend may delete it.
class Friendly {
  friend class HasFriend;
  ~Friendly() {}
};

class HasFriend {
public:
  HasFriend() : f_(new Friendly) {}
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: memory 'f_' is allocated by 'new' in constructor 'HasFriend' but never deleted in destructor '~HasFriend' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE+3]]:17: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE+8]]:13: note: 'f_' declared here
  // CHECK-NOTES: :[[@LINE+1]]:3: note: destructor '~HasFriend' declared here
  ~HasFriend() {}
  // CHECK-FIXES: {{^}}  ~HasFriend() { delete f_; }{{$}}
  HasFriend(const HasFriend &) = delete;
  HasFriend &operator=(const HasFriend &) = delete;

private:
  Friendly *f_;
};

// Deleting through `void *` is undefined.
class VoidPointer {
public:
  VoidPointer() : p_(new int) {}
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: memory 'p_' is allocated by 'new' in constructor 'VoidPointer' but never deleted in destructor '~VoidPointer' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE+8]]:9: note: 'p_' declared here
  // CHECK-NOTES: :[[@LINE+2]]:3: note: destructor '~VoidPointer' declared here
  // CHECK-NOTES: :[[@LINE-4]]:22: note: no fix-it: deleting a 'void *' is undefined
  ~VoidPointer() {}
  VoidPointer(const VoidPointer &) = delete;
  VoidPointer &operator=(const VoidPointer &) = delete;

private:
  void *p_;
};

// An array of derived objects is never deleted through a base pointer.
struct Cell {
  virtual ~Cell() {}
};
struct Wall : Cell {};

class ArrayOfDerived {
public:
  ArrayOfDerived() : c_(new Wall[3]) {}
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: memory 'c_' is allocated by 'new[]' in constructor 'ArrayOfDerived' but never deleted in destructor '~ArrayOfDerived' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE+8]]:9: note: 'c_' declared here
  // CHECK-NOTES: :[[@LINE+2]]:3: note: destructor '~ArrayOfDerived' declared here
  // CHECK-NOTES: :[[@LINE-4]]:25: note: no fix-it: an array of 'Wall' would be deleted through a pointer to 'Cell'
  ~ArrayOfDerived() {}
  ArrayOfDerived(const ArrayOfDerived &) = delete;
  ArrayOfDerived &operator=(const ArrayOfDerived &) = delete;

private:
  Cell *c_;
};

// The wrong release of a type with a protected destructor: the warning
// stands, the replacement would not compile.
class WrongFamily {
public:
  WrongFamily() : h_(new Guarded) {}
  ~WrongFamily() { free(h_); }
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: memory 'h_' is allocated by 'new' in constructor 'WrongFamily' but released by 'free' in '~WrongFamily'; it must be deleted by 'delete' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE-3]]:22: note: 'h_' is allocated here
  // CHECK-NOTES: :[[@LINE-3]]:20: note: no fix-it: the destructor of 'Guarded' is protected
  WrongFamily(const WrongFamily &) = delete;
  WrongFamily &operator=(const WrongFamily &) = delete;

private:
  Guarded *h_;
};

// Held as an integer: `delete` of it would not compile.
class AsInteger {
public:
  AsInteger() : h_(reinterpret_cast<intptr_t>(new int)) {}
  // CHECK-NOTES: :[[@LINE-1]]:47: warning: memory 'h_' is allocated by 'new' in constructor 'AsInteger' but never deleted in destructor '~AsInteger' [raii-unreleased-member]
  // CHECK-NOTES: :[[@LINE+8]]:12: note: 'h_' declared here
  // CHECK-NOTES: :[[@LINE+2]]:3: note: destructor '~AsInteger' declared here
  // CHECK-NOTES: :[[@LINE-4]]:47: note: no fix-it: the member is not a pointer
  ~AsInteger() {}
  AsInteger(const AsInteger &) = delete;
  AsInteger &operator=(const AsInteger &) = delete;

private:
  intptr_t h_;
};
