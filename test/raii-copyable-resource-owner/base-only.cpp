// RUN: %check_raii_tidy %s raii-copyable-resource-owner %t -- -- -I %S/../Inputs -std=c++17

// A class meant only as a base (constructors and destructor protected) is
// copied only as part of a derived object: when every class of the
// translation unit derived from it is not copyable, it is never copied.
#include "windows.h"

class MutexImpl {
protected:
  MutexImpl() { InitializeCriticalSection(&m_cs); }
  ~MutexImpl() { DeleteCriticalSection(&m_cs); }
  void lockImpl() { EnterCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

class Mutex : private MutexImpl {
public:
  Mutex() = default;
  Mutex(const Mutex &) = delete;
  Mutex &operator=(const Mutex &) = delete;
  void lock() { lockImpl(); }
};

class FastMutex : private MutexImpl {
public:
  FastMutex() {}
  void lock() { lockImpl(); }

private:
  FastMutex(const FastMutex &);
  FastMutex &operator=(const FastMutex &);
};

// One derived class can be copied: so can the base, within it.
class EventImpl {
protected:
  EventImpl() { InitializeCriticalSection(&m_cs); }
  ~EventImpl() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-8]]:7: warning: class 'EventImpl' owns critical section 'm_cs', initialized in constructor 'EventImpl' and deleted in destructor '~EventImpl', but its copy constructor and copy assignment operator are implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// The deleted copy goes at the end of the class, under "public:".
// CHECK-FIXES: {{^}}  ~EventImpl() { DeleteCriticalSection(&m_cs); }{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}private:{{$}}
// CHECK-FIXES-NEXT: {{^}}  CRITICAL_SECTION m_cs;{{$}}
// CHECK-FIXES-NEXT: {{^}}public:{{$}}
// CHECK-FIXES-NEXT: {{^}}  EventImpl(const EventImpl &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  EventImpl &operator=(const EventImpl &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}};{{$}}

class Event : public EventImpl {
public:
  Event() {}
};

// No class of the translation unit derives from it: whoever does, elsewhere,
// may copy.
class PoolImpl {
protected:
  PoolImpl() { InitializeCriticalSection(&m_cs); }
  ~PoolImpl() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-8]]:7: warning: class 'PoolImpl' owns critical section 'm_cs', initialized in constructor 'PoolImpl' and deleted in destructor '~PoolImpl', but its copy constructor and copy assignment operator are implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  ~PoolImpl() { DeleteCriticalSection(&m_cs); }{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}private:{{$}}
// CHECK-FIXES-NEXT: {{^}}  CRITICAL_SECTION m_cs;{{$}}
// CHECK-FIXES-NEXT: {{^}}public:{{$}}
// CHECK-FIXES-NEXT: {{^}}  PoolImpl(const PoolImpl &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  PoolImpl &operator=(const PoolImpl &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}};{{$}}

// A public constructor: anyone may make and copy one.
class PublicImpl {
public:
  PublicImpl() { InitializeCriticalSection(&m_cs); }

protected:
  ~PublicImpl() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
// CHECK-MESSAGES: :[[@LINE-10]]:7: warning: class 'PublicImpl' owns critical section 'm_cs', initialized in constructor 'PublicImpl' and deleted in destructor '~PublicImpl', but its copy constructor and copy assignment operator are implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-FIXES: {{^}}  PublicImpl() { InitializeCriticalSection(&m_cs); }{{$}}
// CHECK-FIXES-NEXT: {{^}}  PublicImpl(const PublicImpl &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  PublicImpl &operator=(const PublicImpl &) = delete;{{$}}

class PublicUser : PublicImpl {
public:
  PublicUser() {}
  PublicUser(const PublicUser &) = delete;
  PublicUser &operator=(const PublicUser &) = delete;
};

// A base between them that is itself only a base (POCO's FastMutexImpl):
// what derives from it is judged in its place.
class LockImpl {
protected:
  LockImpl() { InitializeCriticalSection(&m_cs); }
  ~LockImpl() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

class FastLockImpl : public LockImpl {
protected:
  FastLockImpl() {}
  ~FastLockImpl() {}
};

class FastLock : private FastLockImpl {
public:
  FastLock() {}
  FastLock(const FastLock &) = delete;
  FastLock &operator=(const FastLock &) = delete;
};
