// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Failure-path cleanup in a constructor: a release on a branch that leaves
// the constructor by `throw` or `return` does not happen to the object that
// is constructed. On the path that completes, the member is still owned.
#include <stdexcept>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

class Server {
public:
  Server() {
    s_ = socket(AF_INET, SOCK_STREAM, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: file descriptor 's_' is opened by 'socket' in constructor 'Server' but never closed in destructor '~Server' [raii-unreleased-member]
    if (listen(s_, 5) < 0) {
      close(s_);
      throw std::runtime_error("listen");
    }
  }
  ~Server() {}
  // CHECK-FIXES: {{^}}  ~Server() { close(s_); }{{$}}
  Server(const Server &) = delete;
  Server &operator=(const Server &) = delete;

private:
  int s_;
};

class Buffer {
public:
  explicit Buffer(int N) {
    p_ = static_cast<char *>(malloc(N));
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: memory 'p_' is allocated by 'malloc' in constructor 'Buffer' but never freed in destructor '~Buffer' [raii-unreleased-member]
    try {
      fill(N);
    } catch (...) {
      free(p_);
      throw;
    }
  }
  ~Buffer() {}
  // CHECK-FIXES: {{^}}  ~Buffer() { free(p_); }{{$}}
  Buffer(const Buffer &) = delete;
  Buffer &operator=(const Buffer &) = delete;

private:
  void fill(int N);
  char *p_;
};

// Released on a branch that completes the constructor: not kept there.
class MaybeKept {
public:
  explicit MaybeKept(bool Keep) : p_(static_cast<char *>(malloc(4))) {
    if (!Keep)
      free(p_);
  }
  ~MaybeKept() {}
  MaybeKept(const MaybeKept &) = delete;
  MaybeKept &operator=(const MaybeKept &) = delete;

private:
  char *p_;
};
