// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Deliberately process-lifetime: suppressed where it is reported.
class Singleton {
public:
  Singleton() { InitializeCriticalSection(&m_cs); } // NOLINT(raii-critical-section-leak)
  ~Singleton() {}

private:
  CRITICAL_SECTION m_cs;
};

class NextLine {
public:
  NextLine() {
    // NOLINTNEXTLINE(raii-critical-section-leak)
    InitializeCriticalSection(&m_cs);
  }

private:
  CRITICAL_SECTION m_cs;
};
