// A corpus of classes modelled on how Windows code uses critical sections,
// written for raii-tidy. Each class carries its expected verdicts:
//   EXPECT: clean                       nothing reported
//   EXPECT: leak <member>               raii-critical-section-leak, fixed
//   EXPECT: leak-nofix <member>         raii-critical-section-leak, no fix-it
//   EXPECT: uninit <member>             deleted but not initialized (no fix)
//   EXPECT: copyable <member>           raii-copyable-resource-owner, fixed
// Several verdicts are separated by ';'. score.py checks them all, applies
// the fixes, compiles the result and re-runs the checks on it.
#include <windows.h>

#include <map>
#include <string>
#include <vector>

void RegisterLock(CRITICAL_SECTION *cs);
void UnregisterLock(CRITICAL_SECTION *cs);

// EXPECT: leak m_csLock
class CMsgStore {
public:
  CMsgStore() : m_refs(1) { InitializeCriticalSection(&m_csLock); }
  ~CMsgStore() { m_folders.clear(); }
  ULONG AddRef() {
    EnterCriticalSection(&m_csLock);
    ULONG refs = ++m_refs;
    LeaveCriticalSection(&m_csLock);
    return refs;
  }

private:
  CRITICAL_SECTION m_csLock;
  std::map<std::wstring, int> m_folders;
  ULONG m_refs;
  CMsgStore(const CMsgStore &);
  CMsgStore &operator=(const CMsgStore &);
};

// MFC-style lock object, copies forbidden the C++03 way.
// EXPECT: clean
class CCriticalSectionLock {
public:
  CCriticalSectionLock() { InitializeCriticalSection(&m_sect); }
  ~CCriticalSectionLock() { DeleteCriticalSection(&m_sect); }
  void Lock() { EnterCriticalSection(&m_sect); }
  void Unlock() { LeaveCriticalSection(&m_sect); }

private:
  CRITICAL_SECTION m_sect;
  CCriticalSectionLock(const CCriticalSectionLock &);
  void operator=(const CCriticalSectionLock &);
};

// The same wrapper, copyable by accident.
// EXPECT: copyable m_sect
class CCritSec {
public:
  CCritSec() { InitializeCriticalSection(&m_sect); }
  ~CCritSec() { DeleteCriticalSection(&m_sect); }
  void Lock() { EnterCriticalSection(&m_sect); }
  void Unlock() { LeaveCriticalSection(&m_sect); }

private:
  CRITICAL_SECTION m_sect;
};

// Two-phase: Init()/Term() called by the owner, never by the constructor.
// EXPECT: clean
class CTwoPhase {
public:
  CTwoPhase() : m_init(false) {}
  ~CTwoPhase() { Term(); }
  HRESULT Init() {
    InitializeCriticalSection(&m_cs);
    m_init = true;
    return S_OK;
  }
  void Term() {
    if (m_init)
      DeleteCriticalSection(&m_cs);
    m_init = false;
  }

private:
  CRITICAL_SECTION m_cs;
  bool m_init;
};

// Two-phase, and the class has no Term() at all (LifecyclePairs): reported,
// with no fix-it, since nothing says when a release could run.
// EXPECT: leak-nofix m_cs
class CTwoPhaseForgetful {
public:
  CTwoPhaseForgetful() {}
  ~CTwoPhaseForgetful() {}
  void Init() { InitializeCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// A COM object that deletes itself in Release().
// EXPECT: clean
class CEnumFolders : public IUnknown {
public:
  CEnumFolders() : m_refs(1) { InitializeCriticalSection(&m_cs); }
  virtual ~CEnumFolders() { DeleteCriticalSection(&m_cs); }
  CEnumFolders(const CEnumFolders &) = delete;
  CEnumFolders &operator=(const CEnumFolders &) = delete;
  STDMETHODIMP QueryInterface(REFIID, void **ppv) override {
    *ppv = this;
    AddRef();
    return S_OK;
  }
  STDMETHODIMP_(ULONG) AddRef() override {
    return InterlockedIncrement(&m_refs);
  }
  STDMETHODIMP_(ULONG) Release() override {
    LONG refs = InterlockedDecrement(&m_refs);
    if (refs == 0)
      delete this;
    return refs;
  }

private:
  CRITICAL_SECTION m_cs;
  LONG m_refs;
};

// A COM object whose destructor forgets the critical section.
// EXPECT: leak m_cs
class CFolderView : public IUnknown {
public:
  CFolderView() : m_refs(1) { InitializeCriticalSection(&m_cs); }
  virtual ~CFolderView() { m_items.clear(); }
  STDMETHODIMP QueryInterface(REFIID, void **ppv) override {
    *ppv = this;
    AddRef();
    return S_OK;
  }
  STDMETHODIMP_(ULONG) AddRef() override {
    return InterlockedIncrement(&m_refs);
  }
  STDMETHODIMP_(ULONG) Release() override {
    LONG refs = InterlockedDecrement(&m_refs);
    if (refs == 0)
      delete this;
    return refs;
  }

private:
  CRITICAL_SECTION m_cs;
  std::vector<std::wstring> m_items;
  LONG m_refs;
  CFolderView(const CFolderView &);
  CFolderView &operator=(const CFolderView &);
};

// Striped locks, right.
// EXPECT: clean
class CStripedMap {
public:
  CStripedMap() {
    for (auto &cs : m_locks)
      InitializeCriticalSection(&cs);
  }
  ~CStripedMap() {
    for (auto &cs : m_locks)
      DeleteCriticalSection(&cs);
  }
  CStripedMap(const CStripedMap &) = delete;
  CStripedMap &operator=(const CStripedMap &) = delete;

private:
  CRITICAL_SECTION m_locks[16];
};

// Striped locks, index loop, leaked.
// EXPECT: leak m_locks
class CStripedCache {
public:
  CStripedCache() {
    for (int i = 0; i < 8; ++i)
      InitializeCriticalSectionAndSpinCount(&m_locks[i], 2000);
  }
  ~CStripedCache() {}
  CStripedCache(const CStripedCache &) = delete;
  CStripedCache &operator=(const CStripedCache &) = delete;

private:
  CRITICAL_SECTION m_locks[8];
};

// Heap critical section, freed but never deleted.
// EXPECT: leak m_pcs
class CHeapLock {
public:
  CHeapLock() : m_pcs(new CRITICAL_SECTION) { InitializeCriticalSection(m_pcs); }
  ~CHeapLock() { delete m_pcs; }
  CHeapLock(const CHeapLock &) = delete;
  CHeapLock &operator=(const CHeapLock &) = delete;

private:
  CRITICAL_SECTION *m_pcs;
};

// HeapAlloc'd critical section, HeapFree'd but never deleted.
// EXPECT: leak m_pcs
class CProcessHeapLock {
public:
  CProcessHeapLock() {
    m_pcs = static_cast<CRITICAL_SECTION *>(
        HeapAlloc(GetProcessHeap(), 0, sizeof(CRITICAL_SECTION)));
    InitializeCriticalSection(m_pcs);
  }
  ~CProcessHeapLock() { HeapFree(GetProcessHeap(), 0, m_pcs); }
  CProcessHeapLock(const CProcessHeapLock &) = delete;
  CProcessHeapLock &operator=(const CProcessHeapLock &) = delete;

private:
  CRITICAL_SECTION *m_pcs;
};

// Heap critical section done right.
// EXPECT: clean
class CHeapLockRight {
public:
  CHeapLockRight() : m_pcs(new CRITICAL_SECTION) { InitializeCriticalSection(m_pcs); }
  ~CHeapLockRight() {
    DeleteCriticalSection(m_pcs);
    delete m_pcs;
  }
  CHeapLockRight(const CHeapLockRight &) = delete;
  CHeapLockRight &operator=(const CHeapLockRight &) = delete;

private:
  CRITICAL_SECTION *m_pcs;
};

// Spin count, failure remembered, deletion guarded.
// EXPECT: clean
class CSpinLock {
public:
  CSpinLock() : m_ok(true) {
    if (!InitializeCriticalSectionAndSpinCount(&m_cs, 4000))
      m_ok = false;
  }
  ~CSpinLock() {
    if (m_ok)
      DeleteCriticalSection(&m_cs);
  }
  CSpinLock(const CSpinLock &) = delete;
  CSpinLock &operator=(const CSpinLock &) = delete;

private:
  CRITICAL_SECTION m_cs;
  bool m_ok;
};

// InitializeCriticalSectionEx with flags, leaked.
// EXPECT: leak m_cs
class CNoDebugInfoLock {
public:
  CNoDebugInfoLock() {
    InitializeCriticalSectionEx(&m_cs, 4000, CRITICAL_SECTION_NO_DEBUG_INFO);
  }
  ~CNoDebugInfoLock() {}
  CNoDebugInfoLock(const CNoDebugInfoLock &) = delete;
  CNoDebugInfoLock &operator=(const CNoDebugInfoLock &) = delete;

private:
  CRITICAL_SECTION m_cs;
};

// The copy constructor forgets to initialize.
// EXPECT: uninit m_cs
class CSettings {
public:
  CSettings() { InitializeCriticalSection(&m_cs); }
  CSettings(const CSettings &other) : m_values(other.m_values) {}
  CSettings &operator=(const CSettings &) = delete;
  ~CSettings() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
  std::map<std::string, std::string> m_values;
};

// The copy constructor delegates to the default one: right.
// EXPECT: clean
class CSettingsRight {
public:
  CSettingsRight() { InitializeCriticalSection(&m_cs); }
  CSettingsRight(const CSettingsRight &other) : CSettingsRight() {
    m_values = other.m_values;
  }
  CSettingsRight &operator=(const CSettingsRight &) = delete;
  ~CSettingsRight() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
  std::map<std::string, std::string> m_values;
};

// A process-lifetime singleton lock, deliberately never deleted.
// EXPECT: clean
class CGlobalRegistry {
public:
  static CGlobalRegistry &Instance() {
    static CGlobalRegistry *p = new CGlobalRegistry;
    return *p;
  }

private:
  CGlobalRegistry() { InitializeCriticalSection(&m_cs); } // NOLINT(raii-critical-section-leak)
  CRITICAL_SECTION m_cs;
};

// The destructor is defined in another translation unit.
// EXPECT: clean
class CRemoteDtor {
public:
  CRemoteDtor() { InitializeCriticalSection(&m_cs); }
  ~CRemoteDtor();

private:
  CRITICAL_SECTION m_cs;
};

// Deleted in Close(), which the destructor does not call.
// EXPECT: leak-nofix m_cs
class CSession {
public:
  CSession() { InitializeCriticalSection(&m_cs); }
  ~CSession() {}
  void Close() { DeleteCriticalSection(&m_cs); }
  CSession(const CSession &) = delete;
  CSession &operator=(const CSession &) = delete;

private:
  CRITICAL_SECTION m_cs;
};

// The destructor calls Close().
// EXPECT: clean
class CSessionRight {
public:
  CSessionRight() { InitializeCriticalSection(&m_cs); }
  ~CSessionRight() { Close(); }
  void Close() { DeleteCriticalSection(&m_cs); }
  CSessionRight(const CSessionRight &) = delete;
  CSessionRight &operator=(const CSessionRight &) = delete;

private:
  CRITICAL_SECTION m_cs;
};

// Initialized through a helper called in the member initializers.
// EXPECT: leak m_cs
class CInitInList {
public:
  CInitInList() : m_ok(Init()) {}
  ~CInitInList() {}
  CInitInList(const CInitInList &) = delete;
  CInitInList &operator=(const CInitInList &) = delete;

private:
  bool Init() { return InitializeCriticalSectionAndSpinCount(&m_cs, 0) != 0; }
  CRITICAL_SECTION m_cs;
  bool m_ok;
};

// A lock in a plain state struct.
struct QueueState {
  CRITICAL_SECTION cs;
  int pending;
};
// EXPECT: leak m_state.cs
class CWorkQueue {
public:
  CWorkQueue() {
    InitializeCriticalSection(&m_state.cs);
    m_state.pending = 0;
  }
  ~CWorkQueue() {}
  CWorkQueue(const CWorkQueue &) = delete;
  CWorkQueue &operator=(const CWorkQueue &) = delete;

private:
  QueueState m_state;
};

// A class template, instantiated twice, reported once.
// EXPECT: leak m_cs
template <typename T> class CLockedValue {
public:
  CLockedValue() { InitializeCriticalSection(&m_cs); }
  ~CLockedValue() {}
  CLockedValue(const CLockedValue &) = delete;
  CLockedValue &operator=(const CLockedValue &) = delete;
  T Get() {
    EnterCriticalSection(&m_cs);
    T v = m_value;
    LeaveCriticalSection(&m_cs);
    return v;
  }

private:
  CRITICAL_SECTION m_cs;
  T m_value{};
};
CLockedValue<int> g_counter;
CLockedValue<double> g_ratio;

// A class template done right.
// EXPECT: clean
template <typename T> class CLockedList {
public:
  CLockedList() { InitializeCriticalSection(&m_cs); }
  ~CLockedList() { DeleteCriticalSection(&m_cs); }
  CLockedList(const CLockedList &) = delete;
  CLockedList &operator=(const CLockedList &) = delete;

private:
  CRITICAL_SECTION m_cs;
  std::vector<T> m_items;
};
CLockedList<std::wstring> g_names;

// A derived class with its own lock.
class CBaseProvider {
public:
  virtual ~CBaseProvider() {}
};
// EXPECT: leak m_cs
class CDerivedProvider : public CBaseProvider {
public:
  CDerivedProvider() { InitializeCriticalSection(&m_cs); }
  ~CDerivedProvider() override {}
  CDerivedProvider(const CDerivedProvider &) = delete;
  CDerivedProvider &operator=(const CDerivedProvider &) = delete;

private:
  CRITICAL_SECTION m_cs;
};

// A scoped guard over a borrowed critical section.
// EXPECT: clean
class CCritSecGuard {
public:
  explicit CCritSecGuard(CRITICAL_SECTION &cs) : m_cs(cs) {
    EnterCriticalSection(&m_cs);
  }
  ~CCritSecGuard() { LeaveCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION &m_cs;
};

// A pointer to a critical section owned elsewhere.
// EXPECT: clean
class CBorrowedLock {
public:
  explicit CBorrowedLock(CRITICAL_SECTION *pcs) : m_pcs(pcs) {}
  void Lock() { EnterCriticalSection(m_pcs); }

private:
  CRITICAL_SECTION *m_pcs;
};

// Slim locks need no deletion.
// EXPECT: clean
class CSlimCache {
public:
  CSlimCache() {
    InitializeSRWLock(&m_lock);
    InitializeConditionVariable(&m_ready);
  }
  ~CSlimCache() {}

private:
  SRWLOCK m_lock;
  CONDITION_VARIABLE m_ready;
};

// Reader and writer locks; only one is deleted.
// EXPECT: leak m_csWrite
class CReadWrite {
public:
  CReadWrite() {
    InitializeCriticalSection(&m_csRead);
    InitializeCriticalSection(&m_csWrite);
  }
  ~CReadWrite() { DeleteCriticalSection(&m_csRead); }
  CReadWrite(const CReadWrite &) = delete;
  CReadWrite &operator=(const CReadWrite &) = delete;

private:
  CRITICAL_SECTION m_csRead;
  CRITICAL_SECTION m_csWrite;
};

// Two leaked locks: one fix writes both deletions.
// EXPECT: leak m_csA; leak m_csB
class CTwoLocks {
public:
  CTwoLocks() {
    InitializeCriticalSection(&m_csA);
    InitializeCriticalSection(&m_csB);
  }
  ~CTwoLocks() {
    m_count = 0;
  }
  CTwoLocks(const CTwoLocks &) = delete;
  CTwoLocks &operator=(const CTwoLocks &) = delete;

private:
  CRITICAL_SECTION m_csA;
  CRITICAL_SECTION m_csB;
  int m_count = 0;
};

// No destructor at all.
// EXPECT: leak m_cs
class CNoDestructor {
public:
  CNoDestructor() { InitializeCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
  CNoDestructor(const CNoDestructor &);
  CNoDestructor &operator=(const CNoDestructor &);
};

// A defaulted destructor.
// EXPECT: leak m_cs
class CDefaultedDestructor {
public:
  CDefaultedDestructor() { InitializeCriticalSection(&m_cs); }
  ~CDefaultedDestructor() = default;
  CDefaultedDestructor(const CDefaultedDestructor &) = delete;
  CDefaultedDestructor &operator=(const CDefaultedDestructor &) = delete;

private:
  CRITICAL_SECTION m_cs;
};

// Registered with a tracker in the constructor, unregistered (handed off)
// in the destructor: the tracker may delete it.
// EXPECT: clean
class CTrackedLock {
public:
  CTrackedLock() {
    InitializeCriticalSection(&m_cs);
    RegisterLock(&m_cs);
  }
  ~CTrackedLock() { UnregisterLock(&m_cs); }
  CTrackedLock(const CTrackedLock &) = delete;
  CTrackedLock &operator=(const CTrackedLock &) = delete;

private:
  CRITICAL_SECTION m_cs;
};

// A worker with a thread handle and a lock, right.
// EXPECT: clean
class CWorker {
public:
  CWorker() : m_thread(nullptr) { InitializeCriticalSection(&m_cs); }
  ~CWorker() {
    if (m_thread) {
      WaitForSingleObject(m_thread, INFINITE);
      CloseHandle(m_thread);
    }
    DeleteCriticalSection(&m_cs);
  }
  CWorker(const CWorker &) = delete;
  CWorker &operator=(const CWorker &) = delete;

private:
  CRITICAL_SECTION m_cs;
  HANDLE m_thread;
};

// Move-only: the implicit copies are deleted.
// EXPECT: clean
class CMoveOnly {
public:
  CMoveOnly() { InitializeCriticalSection(&m_cs); }
  CMoveOnly(CMoveOnly &&) = delete;
  ~CMoveOnly() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// Copies explicitly defaulted: each copy deletes the lock again.
// EXPECT: copyable m_cs
class CDefaultedCopies {
public:
  CDefaultedCopies() { InitializeCriticalSection(&m_cs); }
  CDefaultedCopies(const CDefaultedCopies &) = default;
  CDefaultedCopies &operator=(const CDefaultedCopies &) = default;
  ~CDefaultedCopies() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

// A logger with a static lock: not the object's.
// EXPECT: clean
class CLogger {
public:
  CLogger() { InitializeCriticalSection(&s_cs); }
  ~CLogger() {}

private:
  static CRITICAL_SECTION s_cs;
};

// Lazily initialized from a method, deleted under a flag.
// EXPECT: clean
class CLazy {
public:
  CLazy() : m_init(false) {}
  ~CLazy() {
    if (m_init)
      DeleteCriticalSection(&m_cs);
  }
  void Use() {
    if (!m_init) {
      InitializeCriticalSection(&m_cs);
      m_init = true;
    }
  }

private:
  CRITICAL_SECTION m_cs;
  bool m_init;
};

// An early return in the destructor: the deletion could be skipped.
// EXPECT: leak-nofix m_cs
class CEarlyReturn {
public:
  CEarlyReturn() : m_handle(nullptr) { InitializeCriticalSection(&m_cs); }
  ~CEarlyReturn() {
    if (!m_handle)
      return;
    CloseHandle(m_handle);
  }
  CEarlyReturn(const CEarlyReturn &) = delete;
  CEarlyReturn &operator=(const CEarlyReturn &) = delete;

private:
  CRITICAL_SECTION m_cs;
  HANDLE m_handle;
};

// A union holding the lock next to raw storage.
// EXPECT: leak u.cs
class CUnionLock {
public:
  CUnionLock() { InitializeCriticalSection(&u.cs); }
  ~CUnionLock() {}
  CUnionLock(const CUnionLock &) = delete;
  CUnionLock &operator=(const CUnionLock &) = delete;

private:
  union {
    CRITICAL_SECTION cs;
    char raw[64];
  } u;
};

// Constructor and destructor defined out of line.
// EXPECT: leak m_cs
class COutOfLine {
public:
  COutOfLine();
  ~COutOfLine();
  COutOfLine(const COutOfLine &) = delete;
  COutOfLine &operator=(const COutOfLine &) = delete;

private:
  CRITICAL_SECTION m_cs;
  int m_n;
};
COutOfLine::COutOfLine() : m_n(0) { InitializeCriticalSection(&m_cs); }
COutOfLine::~COutOfLine() {
  m_n = -1;
}

// An out-of-line defaulted destructor.
// EXPECT: leak m_cs
class COutOfLineDefault {
public:
  COutOfLineDefault() { InitializeCriticalSection(&m_cs); }
  ~COutOfLineDefault();
  COutOfLineDefault(const COutOfLineDefault &) = delete;
  COutOfLineDefault &operator=(const COutOfLineDefault &) = delete;

private:
  CRITICAL_SECTION m_cs;
};
COutOfLineDefault::~COutOfLineDefault() = default;

// A lock created only for a debugging build: the member exists in both.
// EXPECT: clean
class CDebugTracked {
public:
  CDebugTracked() {
#ifdef RAII_TIDY_NEVER_DEFINED
    InitializeCriticalSection(&m_cs);
#endif
  }
  ~CDebugTracked() {}

private:
  CRITICAL_SECTION m_cs;
};

// A typedef'd lock type, as in old code bases.
typedef CRITICAL_SECTION LOCK_T;
// EXPECT: leak m_lock
class CTypedefLock {
public:
  CTypedefLock() { InitializeCriticalSection(&m_lock); }
  ~CTypedefLock() {}
  CTypedefLock(const CTypedefLock &) = delete;
  CTypedefLock &operator=(const CTypedefLock &) = delete;

private:
  LOCK_T m_lock;
};

// A right class whose copies are implemented by hand.
// EXPECT: clean
class CHandCopied {
public:
  CHandCopied() { InitializeCriticalSection(&m_cs); }
  CHandCopied(const CHandCopied &) { InitializeCriticalSection(&m_cs); }
  CHandCopied &operator=(const CHandCopied &) { return *this; }
  ~CHandCopied() { DeleteCriticalSection(&m_cs); }

private:
  CRITICAL_SECTION m_cs;
};

int main() { return 0; }
