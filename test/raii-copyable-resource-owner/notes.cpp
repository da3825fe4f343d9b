// RUN: %check_raii_tidy %s raii-copyable-resource-owner %t -- -- -I %S/../Inputs

#include "windows.h"

// The notes: the member, the release, the defaulted operation; and why no
// fix-it is offered when deleting the copies would break this file.
class OutOfLine {
public:
  OutOfLine() { InitializeCriticalSection(&m_cs); }
  OutOfLine(const OutOfLine &);
  OutOfLine &operator=(const OutOfLine &) = delete;
  ~OutOfLine() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
OutOfLine::OutOfLine(const OutOfLine &) = default;
// CHECK-NOTES: :[[@LINE-11]]:7: warning: class 'OutOfLine' owns critical section 'm_cs', initialized in constructor 'OutOfLine' and deleted in destructor '~OutOfLine', but its copy constructor is defaulted: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-NOTES: :[[@LINE-4]]:20: note: 'm_cs' declared here
// CHECK-NOTES: :[[@LINE-8]]:18: note: 'm_cs' is deleted here
// CHECK-NOTES: :[[@LINE-4]]:12: note: defaulted here
// CHECK-NOTES: :[[@LINE-15]]:7: note: no fix-it: it is defaulted outside the class

class Copied {
public:
  Copied() { InitializeCriticalSection(&m_cs); }
  ~Copied() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};
// CHECK-NOTES: :[[@LINE-8]]:7: warning: class 'Copied' owns critical section 'm_cs', initialized in constructor 'Copied' and deleted in destructor '~Copied', but its copy constructor and copy assignment operator are implicit: after a copy it is deleted twice [raii-copyable-resource-owner]
// CHECK-NOTES: :[[@LINE-3]]:20: note: 'm_cs' declared here
// CHECK-NOTES: :[[@LINE-7]]:15: note: 'm_cs' is deleted here
// CHECK-NOTES: :[[@LINE-11]]:7: note: no fix-it: 'Copied' is copied or moved in this translation unit

void copyIt(const Copied &c) { Copied other(c); }
