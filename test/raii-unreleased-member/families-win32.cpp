// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// The Win32 families added with the full table (docs: Families), one class
// per release, against mingw-w64's real headers: the warning names the
// acquisition, and the fix-it writes the release with the arguments it
// needs and the guard the family's invalid value asks for. The fixed file
// compiles with the same headers.
#include <winsock2.h>
#include <windows.h>
#include <objbase.h>
#include <oleauto.h>
#include <process.h>
#include <tlhelp32.h>
#include <wincrypt.h>
#include <wininet.h>
#include <locale.h>
#include <io.h>
#include <malloc.h>
#include <rpc.h>
#include <stdio.h>

class CModule {
public:
  CModule() : m_h(LoadLibraryW(L"kernel32.dll")) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: module 'm_h' is loaded by 'LoadLibraryW' in constructor 'CModule' but never freed in destructor '~CModule' [raii-unreleased-member]
  ~CModule() {}
  // CHECK-FIXES: {{^}}  ~CModule() { if (m_h) FreeLibrary(m_h); }{{$}}

private:
  HMODULE m_h;
};

class CFind {
public:
  CFind() {
    WIN32_FIND_DATAW fd;
    m_h = FindFirstFileW(L"C:\\*", &fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: find handle 'm_h' is opened by 'FindFirstFileW' in constructor 'CFind' but never closed in destructor '~CFind' [raii-unreleased-member]
  }
  ~CFind() {}
  // CHECK-FIXES: {{^}}  ~CFind() { if (m_h != INVALID_HANDLE_VALUE) FindClose(m_h); }{{$}}

private:
  HANDLE m_h;
};

class CChange {
public:
  CChange() : m_h(FindFirstChangeNotificationW(L"C:\\", FALSE, FILE_NOTIFY_CHANGE_FILE_NAME)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: change notification 'm_h' is opened by 'FindFirstChangeNotificationW' in constructor 'CChange' but never closed in destructor '~CChange' [raii-unreleased-member]
  ~CChange() {}
  // CHECK-FIXES: {{^}}  ~CChange() { if (m_h != INVALID_HANDLE_VALUE) FindCloseChangeNotification(m_h); }{{$}}

private:
  HANDLE m_h;
};

class CView {
public:
  explicit CView(HANDLE mapping) : m_p(MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: file view 'm_p' is mapped by 'MapViewOfFile' in constructor 'CView' but never unmapped in destructor '~CView' [raii-unreleased-member]
  ~CView() {}
  // CHECK-FIXES: {{^}}  ~CView() { if (m_p) UnmapViewOfFile(m_p); }{{$}}

private:
  void *m_p;
};

class CComMemory {
public:
  CComMemory() : m_p(CoTaskMemAlloc(64)), m_s(SysAllocString(L"x")) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: memory 'm_p' is allocated by 'CoTaskMemAlloc' in constructor 'CComMemory' but never freed in destructor '~CComMemory' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:47: warning: string 'm_s' is allocated by 'SysAllocString' in constructor 'CComMemory' but never freed in destructor '~CComMemory' [raii-unreleased-member]
  ~CComMemory() {}
  // CHECK-FIXES: {{^}}  ~CComMemory() { CoTaskMemFree(m_p); SysFreeString(m_s); }{{$}}

private:
  void *m_p;
  BSTR m_s;
};

// HeapFree needs the heap: GetProcessHeap() again, or the member the
// constructor set first.
class CHeapBlock {
public:
  CHeapBlock() : m_p(HeapAlloc(GetProcessHeap(), 0, 64)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: memory 'm_p' is allocated by 'HeapAlloc' in constructor 'CHeapBlock' but never freed in destructor '~CHeapBlock' [raii-unreleased-member]
  ~CHeapBlock() {}
  // CHECK-FIXES: {{^}}  ~CHeapBlock() { if (m_p) HeapFree(GetProcessHeap(), 0, m_p); }{{$}}

private:
  void *m_p;
};

class CPrivateHeap {
public:
  CPrivateHeap() : m_heap(HeapCreate(0, 0, 0)) { m_p = HeapAlloc(m_heap, 0, 64); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: heap 'm_heap' is created by 'HeapCreate' in constructor 'CPrivateHeap' but never destroyed in destructor '~CPrivateHeap' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:56: warning: memory 'm_p' is allocated by 'HeapAlloc' in constructor 'CPrivateHeap' but never freed in destructor '~CPrivateHeap' [raii-unreleased-member]
  ~CPrivateHeap() {}
  // CHECK-FIXES: {{^}}  ~CPrivateHeap() { if (m_p) HeapFree(m_heap, 0, m_p); if (m_heap) HeapDestroy(m_heap); }{{$}}

private:
  HANDLE m_heap;
  void *m_p;
};

// A heap the destructor cannot name: no fix-it for the block.
class CGivenHeap {
public:
  explicit CGivenHeap(HANDLE heap) : m_p(HeapAlloc(heap, 0, 64)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: memory 'm_p' is allocated by 'HeapAlloc' in constructor 'CGivenHeap' but never freed in destructor '~CGivenHeap' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:42: note: no fix-it: 'HeapFree' needs the value 'HeapAlloc' was given ('heap'), which the destructor cannot repeat: it is not a constant or a member only constructors set
  ~CGivenHeap() {}

private:
  void *m_p;
};

class CVirtual {
public:
  CVirtual() : m_p(VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: memory 'm_p' is allocated by 'VirtualAlloc' in constructor 'CVirtual' but never freed in destructor '~CVirtual' [raii-unreleased-member]
  ~CVirtual() {}
  // CHECK-FIXES: {{^}}  ~CVirtual() { if (m_p) VirtualFree(m_p, 0, MEM_RELEASE); }{{$}}

private:
  void *m_p;
};

class CLegacyMemory {
public:
  CLegacyMemory() : m_local(LocalAlloc(LMEM_FIXED, 16)), m_global(GlobalAlloc(GMEM_MOVEABLE, 16)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: memory 'm_local' is allocated by 'LocalAlloc' in constructor 'CLegacyMemory' but never freed in destructor '~CLegacyMemory' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:67: warning: memory 'm_global' is allocated by 'GlobalAlloc' in constructor 'CLegacyMemory' but never freed in destructor '~CLegacyMemory' [raii-unreleased-member]
  ~CLegacyMemory() {}
  // CHECK-FIXES: {{^}}  ~CLegacyMemory() { LocalFree(m_local); if (m_global) GlobalFree(m_global); }{{$}}

private:
  HLOCAL m_local;
  HGLOBAL m_global;
};

class CPainter {
public:
  explicit CPainter(HWND wnd) : m_wnd(wnd) {
    m_dc = GetDC(m_wnd);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: device context 'm_dc' is retrieved by 'GetDC' in constructor 'CPainter' but never released in destructor '~CPainter' [raii-unreleased-member]
    m_mem = CreateCompatibleDC(m_dc);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: device context 'm_mem' is created by 'CreateCompatibleDC' in constructor 'CPainter' but never deleted in destructor '~CPainter' [raii-unreleased-member]
    m_pen = CreatePen(PS_SOLID, 1, RGB(0, 0, 0));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: GDI object 'm_pen' is created by 'CreatePen' in constructor 'CPainter' but never deleted in destructor '~CPainter' [raii-unreleased-member]
    m_brush = CreateSolidBrush(RGB(255, 255, 255));
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: GDI object 'm_brush' is created by 'CreateSolidBrush' in constructor 'CPainter' but never deleted in destructor '~CPainter' [raii-unreleased-member]
    m_font = CreateFontW(12, 0, 0, 0, FW_NORMAL, FALSE, FALSE, FALSE, DEFAULT_CHARSET, 0, 0, 0, 0, L"Arial");
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: GDI object 'm_font' is created by 'CreateFontW' in constructor 'CPainter' but never deleted in destructor '~CPainter' [raii-unreleased-member]
  }
  ~CPainter() {}
  // CHECK-FIXES: {{^}}  ~CPainter() { if (m_mem) DeleteDC(m_mem); if (m_dc) ReleaseDC(m_wnd, m_dc); if (m_pen) DeleteObject(m_pen); if (m_brush) DeleteObject(m_brush); if (m_font) DeleteObject(m_font); }{{$}}

private:
  HWND m_wnd;
  HDC m_dc;
  HDC m_mem;
  HPEN m_pen;
  HBRUSH m_brush;
  HFONT m_font;
};

// The window is a parameter the destructor cannot name: no fix-it.
class CScreenDC {
public:
  explicit CScreenDC(HWND wnd) : m_dc(GetDC(wnd)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: device context 'm_dc' is retrieved by 'GetDC' in constructor 'CScreenDC' but never released in destructor '~CScreenDC' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:39: note: no fix-it: 'ReleaseDC' needs the value 'GetDC' was given ('wnd'), which the destructor cannot repeat: it is not a constant or a member only constructors set
  ~CScreenDC() {}

private:
  HDC m_dc;
};

class CUserObjects {
public:
  CUserObjects() {
    m_menu = CreatePopupMenu();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: menu 'm_menu' is created by 'CreatePopupMenu' in constructor 'CUserObjects' but never destroyed in destructor '~CUserObjects' [raii-unreleased-member]
    m_icon = CopyIcon(LoadIconW(NULL, (LPCWSTR)IDI_APPLICATION));
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: icon 'm_icon' is created by 'CopyIcon' in constructor 'CUserObjects' but never destroyed in destructor '~CUserObjects' [raii-unreleased-member]
    m_hook = SetWindowsHookExW(WH_CBT, NULL, NULL, GetCurrentThreadId());
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: hook 'm_hook' is installed by 'SetWindowsHookExW' in constructor 'CUserObjects' but never removed in destructor '~CUserObjects' [raii-unreleased-member]
  }
  ~CUserObjects() {}
  // CHECK-FIXES: {{^}}  ~CUserObjects() { if (m_menu) DestroyMenu(m_menu); if (m_icon) DestroyIcon(m_icon); if (m_hook) UnhookWindowsHookEx(m_hook); }{{$}}

private:
  HMENU m_menu;
  HICON m_icon;
  HHOOK m_hook;
};

class CTls {
public:
  CTls() : m_index(TlsAlloc()) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: TLS index 'm_index' is allocated by 'TlsAlloc' in constructor 'CTls' but never freed in destructor '~CTls' [raii-unreleased-member]
  ~CTls() {}
  // CHECK-FIXES: {{^}}  ~CTls() { if (m_index != TLS_OUT_OF_INDEXES) TlsFree(m_index); }{{$}}

private:
  DWORD m_index;
};

class CHandles {
public:
  CHandles() {
    m_snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: handle 'm_snapshot' is created by 'CreateToolhelp32Snapshot' in constructor 'CHandles' but never closed in destructor '~CHandles' [raii-unreleased-member]
    m_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: handle 'm_port' is created by 'CreateIoCompletionPort' in constructor 'CHandles' but never closed in destructor '~CHandles' [raii-unreleased-member]
    m_thread = _beginthreadex(NULL, 0, Run, NULL, 0, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: handle 'm_thread' is created by '_beginthreadex' in constructor 'CHandles' but never closed in destructor '~CHandles' [raii-unreleased-member]
  }
  ~CHandles() {}
  // CHECK-FIXES: {{^}}  ~CHandles() { CloseHandle(m_snapshot); CloseHandle(m_port); CloseHandle(reinterpret_cast<HANDLE>(m_thread)); }{{$}}

private:
  static unsigned __stdcall Run(void *) { return 0; }
  HANDLE m_snapshot;
  HANDLE m_port;
  uintptr_t m_thread;
};

// OpenProcessToken leaves the handle as it was when it fails: the fix-it
// needs the member null first.
class CToken {
public:
  CToken() : m_token(NULL) { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &m_token); }
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: handle 'm_token' is created by 'OpenProcessToken' in constructor 'CToken' but never closed in destructor '~CToken' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:30: note: no fix-it: 'OpenProcessToken' leaves 'm_token' unset when it fails, and the destructor cannot tell
  ~CToken() {}

private:
  HANDLE m_token;
};

class CServices {
public:
  CServices() : m_scm(OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: service handle 'm_scm' is opened by 'OpenSCManagerW' in constructor 'CServices' but never closed in destructor '~CServices' [raii-unreleased-member]
  ~CServices() {}
  // CHECK-FIXES: {{^}}  ~CServices() { if (m_scm) CloseServiceHandle(m_scm); }{{$}}

private:
  SC_HANDLE m_scm;
};

class CInternet {
public:
  CInternet() : m_session(InternetOpenW(L"agent", INTERNET_OPEN_TYPE_DIRECT, NULL, NULL, 0)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: internet handle 'm_session' is opened by 'InternetOpenW' in constructor 'CInternet' but never closed in destructor '~CInternet' [raii-unreleased-member]
  ~CInternet() {}
  // CHECK-FIXES: {{^}}  ~CInternet() { if (m_session) InternetCloseHandle(m_session); }{{$}}

private:
  HINTERNET m_session;
};

class CCrypto {
public:
  CCrypto() : m_prov(0) { CryptAcquireContextW(&m_prov, NULL, NULL, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cryptographic provider 'm_prov' is acquired by 'CryptAcquireContextW' in constructor 'CCrypto' but never released in destructor '~CCrypto' [raii-unreleased-member]
  ~CCrypto() {}
  // CHECK-FIXES: {{^}}  ~CCrypto() { if (m_prov) CryptReleaseContext(m_prov, 0); }{{$}}

private:
  HCRYPTPROV m_prov;
};

class CUserMore {
public:
  CUserMore() {
    ACCEL Accel = {FVIRTKEY, 'A', 1};
    m_accel = CreateAcceleratorTableW(&Accel, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: accelerator table 'm_accel' is created by 'CreateAcceleratorTableW' in constructor 'CUserMore' but never destroyed in destructor '~CUserMore' [raii-unreleased-member]
    BYTE And[1] = {0}, Xor[1] = {0};
    m_cursor = CreateCursor(NULL, 0, 0, 1, 1, And, Xor);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: cursor 'm_cursor' is created by 'CreateCursor' in constructor 'CUserMore' but never destroyed in destructor '~CUserMore' [raii-unreleased-member]
    m_desktop = OpenDesktopW(L"Default", 0, FALSE, DESKTOP_READOBJECTS);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: desktop 'm_desktop' is opened by 'OpenDesktopW' in constructor 'CUserMore' but never closed in destructor '~CUserMore' [raii-unreleased-member]
    m_station = OpenWindowStationW(L"WinSta0", FALSE, WINSTA_ENUMDESKTOPS);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: window station 'm_station' is opened by 'OpenWindowStationW' in constructor 'CUserMore' but never closed in destructor '~CUserMore' [raii-unreleased-member]
  }
  ~CUserMore() {}
  // CHECK-FIXES: {{^}}  ~CUserMore() { if (m_accel) DestroyAcceleratorTable(m_accel); if (m_cursor) DestroyCursor(m_cursor); if (m_desktop) CloseDesktop(m_desktop); if (m_station) CloseWindowStation(m_station); }{{$}}

private:
  HACCEL m_accel;
  HCURSOR m_cursor;
  HDESK m_desktop;
  HWINSTA m_station;
};

class CSystemMore {
public:
  CSystemMore() {
    WCHAR Name[MAX_PATH];
    m_volumes = FindFirstVolumeW(Name, MAX_PATH);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: volume find handle 'm_volumes' is opened by 'FindFirstVolumeW' in constructor 'CSystemMore' but never closed in destructor '~CSystemMore' [raii-unreleased-member]
    m_source = RegisterEventSourceW(NULL, L"raii-tidy");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: event source 'm_source' is registered by 'RegisterEventSourceW' in constructor 'CSystemMore' but never deregistered in destructor '~CSystemMore' [raii-unreleased-member]
    m_log = OpenEventLogW(NULL, L"Application");
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: event log handle 'm_log' is opened by 'OpenEventLogW' in constructor 'CSystemMore' but never closed in destructor '~CSystemMore' [raii-unreleased-member]
    m_queue = CreateTimerQueue();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: timer queue 'm_queue' is created by 'CreateTimerQueue' in constructor 'CSystemMore' but never deleted in destructor '~CSystemMore' [raii-unreleased-member]
    m_fls = FlsAlloc(NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: FLS index 'm_fls' is allocated by 'FlsAlloc' in constructor 'CSystemMore' but never freed in destructor '~CSystemMore' [raii-unreleased-member]
  }
  ~CSystemMore() {}
  // CHECK-FIXES: {{^}}  ~CSystemMore() { if (m_volumes != INVALID_HANDLE_VALUE) FindVolumeClose(m_volumes); if (m_source) DeregisterEventSource(m_source); if (m_log) CloseEventLog(m_log); if (m_queue) DeleteTimerQueue(m_queue); if (m_fls != FLS_OUT_OF_INDEXES) FlsFree(m_fls); }{{$}}

private:
  HANDLE m_volumes;
  HANDLE m_source;
  HANDLE m_log;
  HANDLE m_queue;
  DWORD m_fls;
};

class CPools {
public:
  CPools() {
    m_pool = CreateThreadpool(NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: thread pool 'm_pool' is created by 'CreateThreadpool' in constructor 'CPools' but never closed in destructor '~CPools' [raii-unreleased-member]
    m_work = CreateThreadpoolWork(Work, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: thread pool work object 'm_work' is created by 'CreateThreadpoolWork' in constructor 'CPools' but never closed in destructor '~CPools' [raii-unreleased-member]
    m_timer = CreateThreadpoolTimer(Timer, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: thread pool timer 'm_timer' is created by 'CreateThreadpoolTimer' in constructor 'CPools' but never closed in destructor '~CPools' [raii-unreleased-member]
    m_wait = CreateThreadpoolWait(Wait, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: thread pool wait object 'm_wait' is created by 'CreateThreadpoolWait' in constructor 'CPools' but never closed in destructor '~CPools' [raii-unreleased-member]
  }
  ~CPools() {}
  // CHECK-FIXES: {{^}}  ~CPools() { if (m_pool) CloseThreadpool(m_pool); if (m_work) CloseThreadpoolWork(m_work); if (m_timer) CloseThreadpoolTimer(m_timer); if (m_wait) CloseThreadpoolWait(m_wait); }{{$}}

private:
  static void CALLBACK Work(PTP_CALLBACK_INSTANCE, PVOID, PTP_WORK) {}
  static void CALLBACK Timer(PTP_CALLBACK_INSTANCE, PVOID, PTP_TIMER) {}
  static void CALLBACK Wait(PTP_CALLBACK_INSTANCE, PVOID, PTP_WAIT, TP_WAIT_RESULT) {}
  PTP_POOL m_pool;
  PTP_WORK m_work;
  PTP_TIMER m_timer;
  PTP_WAIT m_wait;
};

class CActivation {
public:
  CActivation() {
    ACTCTXW Ctx = {sizeof(Ctx)};
    Ctx.lpSource = L"app.manifest";
    m_ctx = CreateActCtxW(&Ctx);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: activation context 'm_ctx' is created by 'CreateActCtxW' in constructor 'CActivation' but never released in destructor '~CActivation' [raii-unreleased-member]
  }
  ~CActivation() {}
  // CHECK-FIXES: {{^}}  ~CActivation() { if (m_ctx != INVALID_HANDLE_VALUE) ReleaseActCtx(m_ctx); }{{$}}

private:
  HANDLE m_ctx;
};

class CSecurity {
public:
  CSecurity() : m_sid(NULL), m_uuid(NULL) {
    SID_IDENTIFIER_AUTHORITY Nt = SECURITY_NT_AUTHORITY;
    AllocateAndInitializeSid(&Nt, 1, SECURITY_LOCAL_SYSTEM_RID, 0, 0, 0, 0, 0, 0, 0, &m_sid);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: SID 'm_sid' is allocated by 'AllocateAndInitializeSid' in constructor 'CSecurity' but never freed in destructor '~CSecurity' [raii-unreleased-member]
    UUID Id = {};
    UuidToStringW(&Id, &m_uuid);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: RPC string 'm_uuid' is allocated by 'UuidToStringW' in constructor 'CSecurity' but never freed in destructor '~CSecurity' [raii-unreleased-member]
  }
  ~CSecurity() {}
  // CHECK-FIXES: {{^}}  ~CSecurity() { if (m_sid) FreeSid(m_sid); if (m_uuid) RpcStringFreeW(&m_uuid); }{{$}}

private:
  PSID m_sid;
  RPC_WSTR m_uuid;
};

class CCrt {
public:
  CCrt() {
    m_aligned = _aligned_malloc(64, 16);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: memory 'm_aligned' is allocated by '_aligned_malloc' in constructor 'CCrt' but never freed in destructor '~CCrt' [raii-unreleased-member]
    m_fd = _open("NUL", 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: file descriptor 'm_fd' is opened by '_open' in constructor 'CCrt' but never closed in destructor '~CCrt' [raii-unreleased-member]
    m_pipe = _popen("cmd /c exit", "r");
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: pipe stream 'm_pipe' is opened by '_popen' in constructor 'CCrt' but never closed in destructor '~CCrt' [raii-unreleased-member]
  }
  ~CCrt() {}
  // CHECK-FIXES: {{^}}  ~CCrt() { _aligned_free(m_aligned); if (m_fd != -1) _close(m_fd); if (m_pipe) _pclose(m_pipe); }{{$}}

private:
  void *m_aligned;
  int m_fd;
  FILE *m_pipe;
};

class CNetMore {
public:
  CNetMore() {
    m_event = WSACreateEvent();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: event 'm_event' is created by 'WSACreateEvent' in constructor 'CNetMore' but never closed in destructor '~CNetMore' [raii-unreleased-member]
    m_locale = _create_locale(LC_ALL, "C");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: locale 'm_locale' is created by '_create_locale' in constructor 'CNetMore' but never freed in destructor '~CNetMore' [raii-unreleased-member]
  }
  ~CNetMore() {}
  // CHECK-FIXES: {{^}}  ~CNetMore() { if (m_event != WSA_INVALID_EVENT) WSACloseEvent(m_event); if (m_locale) _free_locale(m_locale); }{{$}}

private:
  WSAEVENT m_event;
  _locale_t m_locale;
};
