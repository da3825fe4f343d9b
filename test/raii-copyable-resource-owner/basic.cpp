// RUN: %check_raii_tidy %s raii-copyable-resource-owner %t -- -- -I %S/../Inputs

#include "windows.h"

// Owns a critical section, copies it implicitly: the copy deletes it again.
class Lock {
public:
  Lock() { InitializeCriticalSection(&m_cs); }
  ~Lock() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-8]]:7: warning: class 'Lock' owns critical section 'm_cs', initialized in constructor 'Lock' and deleted in destructor '~Lock', but its copy constructor and copy assignment operator are implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  Lock() { InitializeCriticalSection(&m_cs); }{{$}}
// CHECK-FIXES-NEXT: {{^}}  Lock(const Lock &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Lock &operator=(const Lock &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  ~Lock() { DeleteCriticalSection(&m_cs); }{{$}}

// `= default` becomes `= delete`; the other operation is user-written.
class Defaulted {
public:
  Defaulted() { InitializeCriticalSection(&m_cs); }
  Defaulted(const Defaulted &) = default;
  Defaulted &operator=(const Defaulted &) { return *this; }
  ~Defaulted() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-10]]:7: warning: class 'Defaulted' owns critical section 'm_cs', initialized in constructor 'Defaulted' and deleted in destructor '~Defaulted', but its copy constructor is defaulted: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  Defaulted(const Defaulted &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Defaulted &operator=(const Defaulted &) { return *this; }{{$}}

// Only the assignment is implicit; helpers acquire and release.
class Assignable {
public:
  Assignable() { Open(); }
  Assignable(const Assignable &) { Open(); }
  ~Assignable() { Close(); }

private:
  void Open() { InitializeCriticalSectionAndSpinCount(&m_cs, 4000); }
  void Close() { DeleteCriticalSection(&m_cs); }
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-11]]:7: warning: class 'Assignable' owns critical section 'm_cs', initialized in constructor 'Assignable' and deleted in destructor '~Assignable', but its copy assignment operator is implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  Assignable(const Assignable &) { Open(); }{{$}}
// CHECK-FIXES-NEXT: {{^}}  Assignable &operator=(const Assignable &) = delete;{{$}}

// Silent: copies deleted; the C++03 idiom; move-only; user-written copies.
class Deleted {
public:
  Deleted() { InitializeCriticalSection(&m_cs); }
  Deleted(const Deleted &) = delete;
  Deleted &operator=(const Deleted &) = delete;
  ~Deleted() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

class Cxx03 {
public:
  Cxx03() { InitializeCriticalSection(&m_cs); }
  ~Cxx03() { DeleteCriticalSection(&m_cs); }

private:
  Cxx03(const Cxx03 &);
  Cxx03 &operator=(const Cxx03 &);
  CRITICAL_SECTION m_cs;
};

class MoveOnly {
public:
  MoveOnly() { InitializeCriticalSection(&m_cs); }
  MoveOnly(MoveOnly &&other);
  ~MoveOnly() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

struct NonCopyable {
  NonCopyable() = default;
  NonCopyable(const NonCopyable &) = delete;
  NonCopyable &operator=(const NonCopyable &) = delete;
};

class HasNonCopyableMember {
public:
  HasNonCopyableMember() { InitializeCriticalSection(&m_cs); }
  ~HasNonCopyableMember() { DeleteCriticalSection(&m_cs); }

private:
  NonCopyable m_guard;
  CRITICAL_SECTION m_cs;
};

// Silent: not an owner (never released, or never acquired here).
class Leaky {
public:
  Leaky() { InitializeCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

class Borrower {
public:
  ~Borrower() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// Not judged yet: class templates (documented limitation).
template <typename T> class TemplateOwner {
public:
  TemplateOwner() { InitializeCriticalSection(&m_cs); }
  ~TemplateOwner() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
  T m_value;
};
TemplateOwner<int> instance;

// A nested class whose constructor's initializer list goes on to a second
// line: the declarations line up with the constructor's first line.
class Log {
public:
  struct Record {
    explicit Record(int n)
        : count(n), items(new int[n]) {}
    ~Record() { delete[] items; }
    int count;
    int *items;
  };
};
// CHECK-MESSAGES: :[[@LINE-8]]:10: warning: class 'Record' owns memory 'items', allocated in constructor 'Record' and deleted in destructor '~Record', but its copy constructor and copy assignment operator are implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}        : count(n), items(new int[n]) {}{{$}}
// CHECK-FIXES-NEXT: {{^}}    Record(const Record &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}    Record &operator=(const Record &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}    ~Record() { delete[] items; }{{$}}
