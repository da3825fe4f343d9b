// RUN: %check_raii_tidy %s raii-critical-section-leak %t -- -- -I %S/../Inputs

#include "windows.h"

// Tab indentation is kept, in an existing body and in a new destructor.
class Tabs {
public:
	Tabs() { InitializeCriticalSection(&m_cs); }
	// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: critical section 'm_cs' is initialized in constructor 'Tabs' but never deleted in destructor '~Tabs' [raii-critical-section-leak]
	~Tabs() {
		m_n = 0;
	}
	// CHECK-FIXES: {{^}}	~Tabs() {{{$}}
	// CHECK-FIXES-NEXT: {{^}}		m_n = 0;{{$}}
	// CHECK-FIXES-NEXT: {{^}}		DeleteCriticalSection(&m_cs);{{$}}
	// CHECK-FIXES-NEXT: {{^}}	}{{$}}

private:
	CRITICAL_SECTION m_cs;
	int m_n;
};

struct NoDestructor {
	NoDestructor() { InitializeCriticalSection(&m_cs); }
	// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: critical section 'm_cs' is initialized in constructor 'NoDestructor' but never deleted; 'NoDestructor' has no user-declared destructor [raii-critical-section-leak]
	// CHECK-FIXES: {{^}}	NoDestructor() { InitializeCriticalSection(&m_cs); }{{$}}
	// CHECK-FIXES-NEXT: {{^}}	~NoDestructor() { DeleteCriticalSection(&m_cs); }{{$}}
	CRITICAL_SECTION m_cs;
};
