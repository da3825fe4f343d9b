// The shape of the Exchange 5.5 bug, Microsoft KB Q265514.
//
// Every IMAPISession::OpenMsgStore call built a store object like this one.
// Its constructor initialized a critical section; its destructor never
// deleted it, so each call leaked the critical section's debug information
// (and, after contention, its kernel event) for the life of the process.
#include <windows.h>

#include <map>
#include <string>

class CMsgStore {
public:
  explicit CMsgStore(const std::wstring &name) : m_name(name), m_refs(1) {
    InitializeCriticalSection(&m_csLock);
  }

  ~CMsgStore() {
    m_folders.clear();
  }

  ULONG AddRef() {
    EnterCriticalSection(&m_csLock);
    ULONG refs = ++m_refs;
    LeaveCriticalSection(&m_csLock);
    return refs;
  }

  void OpenFolder(const std::wstring &folder) {
    EnterCriticalSection(&m_csLock);
    ++m_folders[folder];
    LeaveCriticalSection(&m_csLock);
  }

private:
  CRITICAL_SECTION m_csLock;
  std::wstring m_name;
  std::map<std::wstring, int> m_folders;
  ULONG m_refs;

  // Not copyable (declared, never defined).
  CMsgStore(const CMsgStore &);
  CMsgStore &operator=(const CMsgStore &);
};

// What OpenMsgStore did for every client request.
void OpenMsgStore(const std::wstring &mailbox) {
  CMsgStore store(mailbox);
  store.AddRef();
  store.OpenFolder(L"Inbox");
}

int main() {
  for (int i = 0; i < 1000; ++i)
    OpenMsgStore(L"Administrator");
  return 0;
}
