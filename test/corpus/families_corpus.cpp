// A corpus of classes modelled on how Windows code owns handles, registry
// keys, sockets, files, heap memory and pthread locks (mingw-w64's
// winpthreads), written for raii-tidy. Verdicts as in windows_corpus.cpp,
// plus:
//   EXPECT: unreleased <member>         raii-unreleased-member, fixed
//   EXPECT: unreleased-nofix <member>   raii-unreleased-member, no fix-it
//   EXPECT: unacquired <member>         released but not acquired (no fix)
//   EXPECT: mismatch <member>           released by the wrong family, fixed
//   EXPECT: mismatch-nofix <member>     released by the wrong family, no fix
#include <winsock2.h>
#include <windows.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memory>
#include <vector>

void AdoptHandle(HANDLE h);
void RegisterBuffer(char *buffer);

// A service: stop event and worker thread, both closed.
// EXPECT: clean
class CService {
public:
  CService() {
    m_hStop = CreateEventW(NULL, TRUE, FALSE, NULL);
    m_hThread = CreateThread(NULL, 0, &CService::Run, this, 0, NULL);
  }
  ~CService() {
    SetEvent(m_hStop);
    WaitForSingleObject(m_hThread, INFINITE);
    CloseHandle(m_hThread);
    CloseHandle(m_hStop);
  }
  CService(const CService &) = delete;
  CService &operator=(const CService &) = delete;

private:
  static DWORD WINAPI Run(LPVOID) { return 0; }
  HANDLE m_hStop;
  HANDLE m_hThread;
};

// The same service, forgetting the thread handle (a kernel object leak per
// instance).
// EXPECT: unreleased m_hThread
class CLeakyService {
public:
  CLeakyService() {
    m_hStop = CreateEventW(NULL, TRUE, FALSE, NULL);
    m_hThread = CreateThread(NULL, 0, &CLeakyService::Run, this, 0, NULL);
  }
  ~CLeakyService() {
    SetEvent(m_hStop);
    WaitForSingleObject(m_hThread, INFINITE);
    CloseHandle(m_hStop);
  }
  CLeakyService(const CLeakyService &) = delete;
  CLeakyService &operator=(const CLeakyService &) = delete;

private:
  static DWORD WINAPI Run(LPVOID) { return 0; }
  HANDLE m_hStop;
  HANDLE m_hThread;
};

// A log closed only by Close(), which the destructor never calls.
// EXPECT: unreleased-nofix m_file
class CLogFile {
public:
  explicit CLogFile(const char *path) : m_file(fopen(path, "a")) {}
  ~CLogFile() { Flush(); }
  void Flush() {
    if (m_file)
      fflush(m_file);
  }
  void Close() {
    if (m_file)
      fclose(m_file);
    m_file = NULL;
  }
  CLogFile(const CLogFile &) = delete;
  CLogFile &operator=(const CLogFile &) = delete;

private:
  FILE *m_file;
};

// new[] released by delete.
// EXPECT: mismatch m_data
class CByteBuffer {
public:
  explicit CByteBuffer(size_t n) : m_data(new BYTE[n]), m_size(n) {}
  ~CByteBuffer() { delete m_data; }
  CByteBuffer(const CByteBuffer &) = delete;
  CByteBuffer &operator=(const CByteBuffer &) = delete;

private:
  BYTE *m_data;
  size_t m_size;
};

// A settings reader that closes its key.
// EXPECT: clean
class CSettings {
public:
  CSettings() : m_hKey(NULL) {
    RegOpenKeyExW(HKEY_CURRENT_USER, L"Software\\Contoso", 0, KEY_READ, &m_hKey);
  }
  ~CSettings() {
    if (m_hKey)
      RegCloseKey(m_hKey);
  }
  CSettings(const CSettings &) = delete;
  CSettings &operator=(const CSettings &) = delete;

private:
  HKEY m_hKey;
};

// The same reader that forgets to close it.
// EXPECT: unreleased m_hKey
class CLeakySettings {
public:
  CLeakySettings() : m_hKey(NULL) {
    RegCreateKeyExW(HKEY_CURRENT_USER, L"Software\\Contoso", 0, NULL, 0, KEY_WRITE, NULL,
                    &m_hKey, NULL);
  }
  ~CLeakySettings() {}
  CLeakySettings(const CLeakySettings &) = delete;
  CLeakySettings &operator=(const CLeakySettings &) = delete;

private:
  HKEY m_hKey;
};

// Two-phase Init()/Term(): the constructor acquires nothing.
// EXPECT: clean
class CTwoPhase {
public:
  CTwoPhase() : m_hEvent(NULL) {}
  ~CTwoPhase() {}
  bool Init() { return (m_hEvent = CreateEventW(NULL, FALSE, FALSE, NULL)) != NULL; }
  void Term() { CloseHandle(m_hEvent); }

private:
  HANDLE m_hEvent;
};

// A COM-style object: `delete this` in Release(), the destructor frees.
// EXPECT: clean
class CComObject {
public:
  CComObject() : m_refs(1), m_name(_strdup("object")) {}
  ULONG Release() {
    ULONG refs = --m_refs;
    if (refs == 0)
      delete this;
    return refs;
  }
  CComObject(const CComObject &) = delete;
  CComObject &operator=(const CComObject &) = delete;

private:
  ~CComObject() { free(m_name); }
  ULONG m_refs;
  char *m_name;
};

// The handle is handed to someone who owns it from then on.
// EXPECT: clean
class CHandOff {
public:
  CHandOff() : m_hEvent(CreateEventW(NULL, FALSE, FALSE, NULL)) { AdoptHandle(m_hEvent); }
  ~CHandOff() {}

private:
  HANDLE m_hEvent;
};

// A buffer registered with a global owner.
// EXPECT: clean
class CRegistered {
public:
  CRegistered() {
    m_buffer = static_cast<char *>(malloc(256));
    RegisterBuffer(m_buffer);
  }
  ~CRegistered() {}

private:
  char *m_buffer;
};

// Smart pointers own what they hold.
// EXPECT: clean
class CSmart {
public:
  CSmart() : m_file(fopen("data.bin", "rb"), &fclose), m_bytes(new BYTE[64]) {}

private:
  std::unique_ptr<FILE, int (*)(FILE *)> m_file;
  std::unique_ptr<BYTE[]> m_bytes;
};

// Owns a handle and can be copied: closed twice after a copy.
// EXPECT: copyable m_hMutex
class CNamedMutex {
public:
  explicit CNamedMutex(const wchar_t *name) : m_hMutex(CreateMutexW(NULL, FALSE, name)) {}
  ~CNamedMutex() { CloseHandle(m_hMutex); }

private:
  HANDLE m_hMutex;
};

// A pthread mutex wrapper, correct and not copyable.
// EXPECT: clean
class CPosixLock {
public:
  CPosixLock() { pthread_mutex_init(&m_mu, NULL); }
  ~CPosixLock() { pthread_mutex_destroy(&m_mu); }
  void Lock() { pthread_mutex_lock(&m_mu); }
  void Unlock() { pthread_mutex_unlock(&m_mu); }
  CPosixLock(const CPosixLock &) = delete;
  CPosixLock &operator=(const CPosixLock &) = delete;

private:
  pthread_mutex_t m_mu;
};

// A queue that forgets its condition variable.
// EXPECT: unreleased m_cv
class CQueue {
public:
  CQueue() {
    pthread_mutex_init(&m_mu, NULL);
    pthread_cond_init(&m_cv, NULL);
  }
  ~CQueue() { pthread_mutex_destroy(&m_mu); }
  void Push(int v) {
    pthread_mutex_lock(&m_mu);
    m_items.push_back(v);
    pthread_cond_signal(&m_cv);
    pthread_mutex_unlock(&m_mu);
  }
  CQueue(const CQueue &) = delete;
  CQueue &operator=(const CQueue &) = delete;

private:
  pthread_mutex_t m_mu;
  pthread_cond_t m_cv;
  std::vector<int> m_items;
};

// A file mapping that unmaps and closes the mapping, not the file.
// EXPECT: unreleased m_hFile
class CMappedFile {
public:
  explicit CMappedFile(const wchar_t *path) {
    m_hFile = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                          FILE_ATTRIBUTE_NORMAL, NULL);
    m_hMap = CreateFileMappingW(m_hFile, NULL, PAGE_READONLY, 0, 0, NULL);
    m_view = MapViewOfFile(m_hMap, FILE_MAP_READ, 0, 0, 0);
  }
  ~CMappedFile() {
    UnmapViewOfFile(m_view);
    CloseHandle(m_hMap);
  }
  CMappedFile(const CMappedFile &) = delete;
  CMappedFile &operator=(const CMappedFile &) = delete;

private:
  HANDLE m_hFile;
  HANDLE m_hMap;
  LPVOID m_view;
};

// A thread pool: an array of thread handles, all closed.
// EXPECT: clean
class CThreadPool {
public:
  CThreadPool() {
    for (HANDLE &thread : m_threads)
      thread = CreateThread(NULL, 0, &CThreadPool::Run, this, 0, NULL);
  }
  ~CThreadPool() {
    WaitForMultipleObjects(4, m_threads, TRUE, INFINITE);
    for (HANDLE thread : m_threads)
      CloseHandle(thread);
  }
  CThreadPool(const CThreadPool &) = delete;
  CThreadPool &operator=(const CThreadPool &) = delete;

private:
  static DWORD WINAPI Run(LPVOID) { return 0; }
  HANDLE m_threads[4];
};

// The same pool that waits for its threads and never closes them.
// EXPECT: unreleased m_threads
class CLeakyPool {
public:
  CLeakyPool() {
    for (int i = 0; i < 4; ++i)
      m_threads[i] = CreateThread(NULL, 0, &CLeakyPool::Run, this, 0, NULL);
  }
  ~CLeakyPool() { WaitForMultipleObjects(4, m_threads, TRUE, INFINITE); }
  CLeakyPool(const CLeakyPool &) = delete;
  CLeakyPool &operator=(const CLeakyPool &) = delete;

private:
  static DWORD WINAPI Run(LPVOID) { return 0; }
  HANDLE m_threads[4];
};

// A default member initializer creates the event; nothing closes it.
// EXPECT: unreleased m_hReady
class CNotifier {
public:
  CNotifier() {}
  ~CNotifier() {}
  void Notify() { SetEvent(m_hReady); }
  CNotifier(const CNotifier &) = delete;
  CNotifier &operator=(const CNotifier &) = delete;

private:
  HANDLE m_hReady = CreateEventW(NULL, FALSE, FALSE, NULL);
};

// A stream closed through a stored pointer to fclose.
// EXPECT: clean
class CCustomCloser {
public:
  CCustomCloser() : m_file(fopen("in.txt", "r")), m_close(&fclose) {}
  ~CCustomCloser() { m_close(m_file); }
  CCustomCloser(const CCustomCloser &) = delete;
  CCustomCloser &operator=(const CCustomCloser &) = delete;

private:
  FILE *m_file;
  int (*m_close)(FILE *);
};

// One constructor opens, the other adopts a handle it does not own: no fix
// can be right for both.
// EXPECT: unreleased-nofix m_hPipe
class CPipeEnd {
public:
  CPipeEnd() : m_hPipe(CreateNamedPipeW(L"\\\\.\\pipe\\p", PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0,
                                        NULL)) {}
  explicit CPipeEnd(HANDLE borrowed) : m_hPipe(borrowed) {}
  ~CPipeEnd() {}
  CPipeEnd(const CPipeEnd &) = delete;
  CPipeEnd &operator=(const CPipeEnd &) = delete;

private:
  HANDLE m_hPipe;
};

// The destructor closes what one constructor never opened.
// EXPECT: unacquired m_hTimer
class CTimer {
public:
  CTimer() : m_hTimer(CreateWaitableTimerW(NULL, TRUE, NULL)) {}
  explicit CTimer(int) {}
  ~CTimer() { CloseHandle(m_hTimer); }
  CTimer(const CTimer &) = delete;
  CTimer &operator=(const CTimer &) = delete;

private:
  HANDLE m_hTimer;
};

// _strdup'd memory released by delete.
// EXPECT: mismatch m_title
class CWindowTitle {
public:
  explicit CWindowTitle(const char *title) : m_title(_strdup(title)) {}
  ~CWindowTitle() { delete m_title; }
  CWindowTitle(const CWindowTitle &) = delete;
  CWindowTitle &operator=(const CWindowTitle &) = delete;

private:
  char *m_title;
};

// A template pool, correct: judged once.
// EXPECT: clean
template <typename T> class CPool {
public:
  CPool() : m_items(new T[16]) {}
  ~CPool() { delete[] m_items; }
  CPool(const CPool &) = delete;
  CPool &operator=(const CPool &) = delete;

private:
  T *m_items;
};
CPool<int> g_intPool;
CPool<double> g_doublePool;

// A listening socket nobody closes (closesocket on Windows).
// EXPECT: unreleased m_listen
class CServer {
public:
  CServer() : m_listen(socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)) {}
  ~CServer() {}
  CServer(const CServer &) = delete;
  CServer &operator=(const CServer &) = delete;

private:
  SOCKET m_listen;
};

// A heap critical section: deleted, but its memory never freed.
// EXPECT: unreleased m_pcs
class CHeapCritSec {
public:
  CHeapCritSec() : m_pcs(new CRITICAL_SECTION) { InitializeCriticalSection(m_pcs); }
  ~CHeapCritSec() { DeleteCriticalSection(m_pcs); }
  CHeapCritSec(const CHeapCritSec &) = delete;
  CHeapCritSec &operator=(const CHeapCritSec &) = delete;

private:
  CRITICAL_SECTION *m_pcs;
};

// A handle closed conditionally, through a helper.
// EXPECT: clean
class CProcessWatcher {
public:
  explicit CProcessWatcher(DWORD pid)
      : m_hProcess(OpenProcess(SYNCHRONIZE, FALSE, pid)) {}
  ~CProcessWatcher() { Reset(); }
  CProcessWatcher(const CProcessWatcher &) = delete;
  CProcessWatcher &operator=(const CProcessWatcher &) = delete;

private:
  void Reset() {
    if (m_hProcess != NULL) {
      CloseHandle(m_hProcess);
      m_hProcess = NULL;
    }
  }
  HANDLE m_hProcess;
};
