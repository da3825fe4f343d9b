// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P7: a descriptor from socket(); the fix writes close().
#include "oracle.h"
#include <sys/socket.h>
#include <unistd.h>

class Endpoint {
public:
  Endpoint() : sock_(socket(AF_UNIX, SOCK_STREAM, 0)) {}
  ~Endpoint() {}
  Endpoint(const Endpoint &) = delete;
  Endpoint &operator=(const Endpoint &) = delete;
  bool valid() const { return sock_ >= 0; }

private:
  int sock_;
};

int main() {
  int Valid = 0;
  for (int I = 0; I < 3; ++I) {
    Endpoint E;
    Valid += E.valid();
  }
  return Valid == 3 ? raii_oracle_finish() : 1;
}
