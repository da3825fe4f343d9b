// RUN: %check_raii_tidy -expect-clang-tidy-error %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Code with errors never receives a fix-it, and nothing crashes.
class Leaky {
public:
  Leaky() { InitializeCriticalSection(&m_cs); }
  ~Leaky() {}

private:
  CRITICAL_SECTION m_cs;
};

class UndeclaredMember {
public:
  UndeclaredMember() { InitializeCriticalSection(&m_missing); }
  ~UndeclaredMember() { DeleteCriticalSection(&m_other); }
};

class BrokenBody {
public:
  BrokenBody() { InitializeCriticalSection(&m_cs) }
  ~BrokenBody() {
private:
  CRITICAL_SECTION m_cs;
};

class UnknownType {
public:
  UnknownType() { InitializeCriticalSection(&m_cs); }
  ~UnknownType() { DeleteCriticalSection(m_cs); }
  CRITICAL_SECTON m_cs;
};
