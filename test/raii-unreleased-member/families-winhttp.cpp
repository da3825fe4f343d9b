// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// WinHTTP's handles (<winhttp.h> cannot be included with <wininet.h>, which
// families-win32.cpp uses).
#include <windows.h>
#include <winhttp.h>

class CHttp {
public:
  CHttp() {
    m_session = WinHttpOpen(L"agent", WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: WinHTTP handle 'm_session' is opened by 'WinHttpOpen' in constructor 'CHttp' but never closed in destructor '~CHttp' [raii-unreleased-member]
    m_connect = WinHttpConnect(m_session, L"localhost", 80, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: WinHTTP handle 'm_connect' is opened by 'WinHttpConnect' in constructor 'CHttp' but never closed in destructor '~CHttp' [raii-unreleased-member]
  }
  ~CHttp() {}
  // CHECK-FIXES: {{^}}  ~CHttp() { if (m_connect) WinHttpCloseHandle(m_connect); if (m_session) WinHttpCloseHandle(m_session); }{{$}}

private:
  HINTERNET m_session;
  HINTERNET m_connect;
};
