// Under -fdelayed-template-parsing (clang-cl's default for MSVC targets before
// C++20) the bodies of a template nobody instantiates are not parsed by the
// compiler; the checks parse them and judge the template as without the flag.
// A template whose bodies do not compile is not judged, and one warning per
// translation unit says so.
//
// RUN: %check_raii_tidy -check-suffixes=ALL,DELAYED %s raii-critical-section-leak %t -- -- \
// RUN:   -fms-extensions -fms-compatibility -fdelayed-template-parsing -I %S/../Inputs
// RUN: %check_raii_tidy -check-suffixes=ALL,EAGER %s raii-critical-section-leak %t -- -- \
// RUN:   -fms-extensions -fms-compatibility -fno-delayed-template-parsing -DEAGER -I %S/../Inputs

// CHECK-MESSAGES-DELAYED: :1:1: warning: 1 class template in this translation unit is not judged: its member functions do not compile with two-phase name lookup; make them compile with -fno-delayed-template-parsing to judge it [raii-critical-section-leak]
// CHECK-MESSAGES-DELAYED: :95:3: note: 'CBroken' is not judged: 'CBroken<T>' does not compile without delayed template parsing: no member named 'NoSuchMember' in '_RTL_CRITICAL_SECTION'

#include "windows.h"

// The user case: a queue template the file never instantiates.
template <typename T> class CQueue {
public:
  CQueue() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:14: warning: critical section 'm_cs' is initialized in constructor 'CQueue<T>' but never deleted in destructor '~CQueue<T>' [raii-critical-section-leak]
  ~CQueue() { m_count = 0; }
  // CHECK-FIXES-ALL: {{^}}  ~CQueue() { m_count = 0; DeleteCriticalSection(&m_cs); }{{$}}
  void Push(const T &) {
    EnterCriticalSection(&m_cs);
    ++m_count;
    LeaveCriticalSection(&m_cs);
  }

private:
  CRITICAL_SECTION m_cs;
  int m_count = 0;
};

// Out-of-line members of a class template are delayed too.
template <typename T> class COutOfLine {
public:
  COutOfLine();
  ~COutOfLine();

private:
  CRITICAL_SECTION m_cs;
};
template <typename T> COutOfLine<T>::COutOfLine() {
  InitializeCriticalSection(&m_cs);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: critical section 'm_cs' is initialized in constructor 'COutOfLine<T>' but never deleted in destructor '~COutOfLine<T>' [raii-critical-section-leak]
}
template <typename T> COutOfLine<T>::~COutOfLine() {}
// CHECK-FIXES-ALL: {{^}}template <typename T> COutOfLine<T>::~COutOfLine() { DeleteCriticalSection(&m_cs); }{{$}}

// A function-try-block constructor (the parser keeps the delayed flag on it
// after parsing it).
template <typename T> class CTry {
public:
  CTry() try : m_n(0) { InitializeCriticalSection(&m_cs); } catch (...) {}
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:25: warning: critical section 'm_cs' is initialized in constructor 'CTry<T>' but never deleted in destructor '~CTry<T>' [raii-critical-section-leak]
  ~CTry() {}
  // CHECK-FIXES-ALL: {{^}}  ~CTry() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
  int m_n;
};

// Released through a member function template: silent in both modes.
template <typename T> class CReleased {
public:
  CReleased() { InitializeCriticalSection(&m_cs); }
  ~CReleased() { Close(0); }
  template <typename U> void Close(U) { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

#ifndef EAGER // The code below does not compile with two-phase name lookup.
// A name the template uses is declared after it: MSVC and delayed parsing
// accept it; the checks parse delayed bodies at the end of the file, where
// it is declared, so the template is judged.
template <typename T> class CLateName {
public:
  CLateName() { InitializeCriticalSection(&m_cs); Register(1); }
  // CHECK-MESSAGES-DELAYED: :[[@LINE-1]]:17: warning: critical section 'm_cs' is initialized in constructor 'CLateName<T>' but never deleted in destructor '~CLateName<T>' [raii-critical-section-leak]
  ~CLateName() {}
  // CHECK-FIXES-DELAYED: {{^}}  ~CLateName() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// Dead code MSVC never compiles: it does not compile when parsed either, so
// the template is not judged (the warning at the top of the file says so).
template <typename T> class CBroken {
public:
  CBroken() { InitializeCriticalSection(&m_cs); m_cs.NoSuchMember = 1; }
  // (The note of the warning at the top of the file points here.)
  ~CBroken() {}

private:
  CRITICAL_SECTION m_cs;
};

void Register(int);
#endif
