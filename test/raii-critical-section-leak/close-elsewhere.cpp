// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Deleted in Close(), which the destructor does not call: the user must
// choose (call Close() from the destructor, or delete there), so no fix-it.
class Session {
public:
  Session() { InitializeCriticalSection(&m_cs); }
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: critical section 'm_cs' is initialized in constructor 'Session' but never deleted in destructor '~Session' [raii-critical-section-leak]
  // CHECK-NOTES: :[[@LINE+11]]:20: note: 'm_cs' declared here
  // CHECK-NOTES: :[[@LINE+5]]:7: note: 'm_cs' is deleted in 'Close', which the destructor does not call
  // CHECK-NOTES: :[[@LINE+1]]:3: note: destructor '~Session' declared here
  ~Session() {}
  void Close() {
    if (m_open)
      DeleteCriticalSection(&m_cs);
    m_open = false;
  }

private:
  CRITICAL_SECTION m_cs;
  bool m_open = true;
};

// When the destructor calls Close(), all is well.
class Closed {
public:
  Closed() { InitializeCriticalSection(&m_cs); }
  ~Closed() { Close(); }
  void Close() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
