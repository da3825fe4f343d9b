// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Initialization through a macro is seen; the fix goes into real code.
#define INIT_LOCK(cs) InitializeCriticalSectionAndSpinCount(&(cs), 4000)
class ViaMacro {
public:
  ViaMacro() { INIT_LOCK(m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: critical section 'm_cs' is initialized in constructor 'ViaMacro' but never deleted in destructor '~ViaMacro' [raii-critical-section-leak]
  ~ViaMacro() {}
  // CHECK-FIXES: {{^}}  ~ViaMacro() { DeleteCriticalSection(&m_cs); }{{$}}

private:
  CRITICAL_SECTION m_cs;
};

// A destructor produced by a macro is not rewritten.
#define EMPTY_DESTRUCTOR(C) ~C() {}
class MacroDestructor {
public:
  MacroDestructor() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: critical section 'm_cs' is initialized in constructor 'MacroDestructor' but never deleted in destructor '~MacroDestructor'
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: no fix-it: the destructor body comes from a macro
  EMPTY_DESTRUCTOR(MacroDestructor)

private:
  CRITICAL_SECTION m_cs;
};

// A whole class from a macro: reported, never rewritten.
#define DECLARE_LOCKED(Name)                                                   \
  class Name {                                                                 \
  public:                                                                      \
    Name() { InitializeCriticalSection(&m_cs); }                               \
    CRITICAL_SECTION m_cs;                                                     \
  };
DECLARE_LOCKED(FromMacro)
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: critical section 'm_cs' is initialized in constructor 'FromMacro' but never deleted; 'FromMacro' has no user-declared destructor
// CHECK-MESSAGES: :[[@LINE-2]]:1: note: no fix-it: the class body comes from a macro
