// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// The Win32 families added with the full table (docs: Families), one class
// per release, against mingw-w64's real headers: the warning names the
// acquisition, and the fix-it writes the release with the arguments it
// needs and the guard the family's invalid value asks for. The fixed file
// compiles with the same headers.
#include <windows.h>
#include <objbase.h>
#include <oleauto.h>
#include <process.h>
#include <tlhelp32.h>
#include <wincrypt.h>
#include <wininet.h>

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
  // CHECK-FIXES: {{^}}  ~CPainter() { if (m_dc) ReleaseDC(m_wnd, m_dc); if (m_mem) DeleteDC(m_mem); if (m_pen) DeleteObject(m_pen); if (m_brush) DeleteObject(m_brush); if (m_font) DeleteObject(m_font); }{{$}}

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
