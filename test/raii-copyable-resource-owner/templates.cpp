// RUN: %check_raii_tidy %s raii-copyable-resource-owner %t -- -- -I %S/../Inputs -std=c++17

// A class template whose copies do not depend on its arguments (no base or
// member of a dependent type but pointers) is judged once, as a pattern,
// whether it is instantiated or not.
#include "windows.h"

template <typename T> class Guarded {
public:
  Guarded() { InitializeCriticalSection(&m_cs); }
  ~Guarded() { DeleteCriticalSection(&m_cs); }
  T *get() { return m_p; }

private:
  CRITICAL_SECTION m_cs;
  T *m_p = nullptr;
};
// CHECK-MESSAGES: :[[@LINE-10]]:29: warning: class 'Guarded' owns critical section 'm_cs', initialized in constructor 'Guarded<T>' and deleted in destructor '~Guarded<T>', but its copy constructor and copy assignment operator are implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  Guarded() { InitializeCriticalSection(&m_cs); }{{$}}
// CHECK-FIXES-NEXT: {{^}}  Guarded(const Guarded &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Guarded &operator=(const Guarded &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  ~Guarded() { DeleteCriticalSection(&m_cs); }{{$}}

Guarded<int> Instance;
Guarded<char> Another;

// Never instantiated: judged all the same.
template <typename T, int N> class Striped {
public:
  Striped() {
    for (auto &Lock : m_locks)
      InitializeCriticalSection(&Lock);
  }
  ~Striped() {
    for (auto &Lock : m_locks)
      DeleteCriticalSection(&Lock);
  }

private:
  CRITICAL_SECTION m_locks[4];
};
// CHECK-MESSAGES: :[[@LINE-14]]:36: warning: class 'Striped' owns critical section 'm_locks', initialized in constructor 'Striped<T, N>' and deleted in destructor '~Striped<T, N>', but its copy constructor and copy assignment operator are implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  Striped(const Striped &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Striped &operator=(const Striped &) = delete;{{$}}

// An instantiation is copied: the warning stands, without a fix-it.
template <typename T> class Copied {
public:
  Copied() { InitializeCriticalSection(&m_cs); }
  ~Copied() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-8]]:29: warning: class 'Copied' owns critical section 'm_cs', initialized in constructor 'Copied<T>' and deleted in destructor '~Copied<T>', but its copy constructor and copy assignment operator are implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-MESSAGES: :[[@LINE-9]]:29: note: no fix-it: 'Copied' is copied or moved in this translation unit
inline void copyIt() {
  Copied<int> A;
  Copied<int> B(A);
}

// A member of the argument's type: whether it can be copied depends on T.
template <typename T> class Holder {
public:
  Holder() { InitializeCriticalSection(&m_cs); }
  ~Holder() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
  T m_value;
};

// A dependent base: the same.
template <typename Base> class Mixin : public Base {
public:
  Mixin() { InitializeCriticalSection(&m_cs); }
  ~Mixin() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// Not copyable in the pattern: silent.
template <typename T> class Safe {
public:
  Safe() { InitializeCriticalSection(&m_cs); }
  ~Safe() { DeleteCriticalSection(&m_cs); }
  Safe(const Safe &) = delete;
  Safe &operator=(const Safe &) = delete;

private:
  CRITICAL_SECTION m_cs;
};
