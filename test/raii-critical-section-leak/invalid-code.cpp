// RUN: %check_raii_tidy -expect-clang-tidy-error %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Code with errors never receives a fix-it, and nothing crashes. Every
// diagnostic is listed: the compiler's errors, and the check's warnings.

// A class that compiles, in a file that does not: still reported.
class Leaky {
public:
  Leaky() { InitializeCriticalSection(&m_cs); }
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: critical section 'm_cs' is initialized in constructor 'Leaky' but never deleted in destructor '~Leaky' [raii-critical-section-leak]
  ~Leaky() {}

private:
  CRITICAL_SECTION m_cs;
};

class UndeclaredMember {
public:
  UndeclaredMember() { InitializeCriticalSection(&m_missing); }
  // CHECK-MESSAGES: :[[@LINE-1]]:51: error: use of undeclared identifier 'm_missing' [clang-diagnostic-error]
  ~UndeclaredMember() { DeleteCriticalSection(&m_other); }
  // CHECK-MESSAGES: :[[@LINE-1]]:48: error: use of undeclared identifier 'm_other' [clang-diagnostic-error]
};

// The class is never closed: the parser takes the next class for a nested
// one.
class BrokenBody {
public:
  BrokenBody() { InitializeCriticalSection(&m_cs) }
  // CHECK-MESSAGES: :[[@LINE-1]]:45: error: use of undeclared identifier 'm_cs' [clang-diagnostic-error]
  // CHECK-MESSAGES: :[[@LINE-2]]:50: error: expected ';' after expression [clang-diagnostic-error]
  ~BrokenBody() {
private:
  // CHECK-MESSAGES: :[[@LINE-1]]:1: error: expected expression [clang-diagnostic-error]
  CRITICAL_SECTION m_cs;
};

// The destructor's release does not compile (no '&'): what it would do is
// unknown, so the check does not call the critical section leaked.
class UnknownType {
public:
  UnknownType() { InitializeCriticalSection(&m_lock); }
  ~UnknownType() { DeleteCriticalSection(m_lock); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: error: no matching function for call to 'DeleteCriticalSection' [clang-diagnostic-error]
  CRITICAL_SECTON m_lock;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: unknown type name 'CRITICAL_SECTON'; did you mean 'CRITICAL_SECTION'? [clang-diagnostic-error]
};
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: expected ';' after class [clang-diagnostic-error]
// The file ends inside BrokenBody, on this line:
// CHECK-MESSAGES: :[[@LINE]]:{{[0-9]+}}: error: expected '}' [clang-diagnostic-error]