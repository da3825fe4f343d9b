// The store-provider bug (KB Q265514) against the mock <windows.h>.
#include <windows.h>

class CMsgStore {
public:
  explicit CMsgStore(const wchar_t *name) : m_name(name), m_folders(0) {
    InitializeCriticalSection(&m_csLock);
  }

  ~CMsgStore() {
    m_folders = 0;
  }

  void OpenFolder() {
    EnterCriticalSection(&m_csLock);
    ++m_folders;
    LeaveCriticalSection(&m_csLock);
  }

private:
  CRITICAL_SECTION m_csLock;
  const wchar_t *m_name;
  int m_folders;

  // Not copyable (declared, never defined).
  CMsgStore(const CMsgStore &);
  CMsgStore &operator=(const CMsgStore &);
};
