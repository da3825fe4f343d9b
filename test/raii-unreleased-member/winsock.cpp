// REQUIRES: mingw
// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- --target=x86_64-w64-mingw32 -std=c++17

// On Windows a socket is a SOCKET closed by closesocket, not a descriptor
// closed by close (mingw-w64's real <winsock2.h> and <io.h>, which declares
// close too).
#include <winsock2.h>
#include <io.h>

class CListener {
public:
  CListener() {
    m_listen = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: socket 'm_listen' is opened by 'socket' in constructor 'CListener' but never closed in destructor '~CListener' [raii-unreleased-member]
    m_peer = accept(m_listen, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: socket 'm_peer' is opened by 'accept' in constructor 'CListener' but never closed in destructor '~CListener' [raii-unreleased-member]
  }
  ~CListener() {}
  // The peer, accepted from the listener, is closed first.
  // CHECK-FIXES: {{^}}  ~CListener() { closesocket(m_peer); closesocket(m_listen); }{{$}}
  CListener(const CListener &) = delete;
  CListener &operator=(const CListener &) = delete;

private:
  SOCKET m_listen;
  SOCKET m_peer;
};

class CClosed {
public:
  CClosed() : m_s(socket(AF_INET, SOCK_DGRAM, 0)) {}
  ~CClosed() { closesocket(m_s); }
  CClosed(const CClosed &) = delete;
  CClosed &operator=(const CClosed &) = delete;

private:
  SOCKET m_s;
};
