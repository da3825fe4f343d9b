// The seeded leak: the constructor initializes the critical section, the
// destructor never deletes it.
#include <windows.h>

class Store {
public:
  Store() { InitializeCriticalSection(&m_cs); }
  ~Store() {}

private:
  CRITICAL_SECTION m_cs;
  Store(const Store &);
  Store &operator=(const Store &);
};
