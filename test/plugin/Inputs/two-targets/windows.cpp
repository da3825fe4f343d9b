#include <winsock2.h>

class Listener {
public:
  Listener() { m_s = socket(AF_INET, SOCK_STREAM, 0); }
  ~Listener() {}
  Listener(const Listener &) = delete;
  Listener &operator=(const Listener &) = delete;

private:
  SOCKET m_s;
};
