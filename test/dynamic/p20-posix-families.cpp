// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P20: families of the full table that hold heap memory or descriptors on
// Linux: a directory stream, a pipe stream (and its descriptor), a
// conversion descriptor, a locale, an address list and an aligned block
// the constructor nulls first, a glob result, a stream on memory. The fix-its
// release each, with the guard its family's invalid value asks for.
#include "oracle.h"
#include <dirent.h>
#include <glob.h>
#include <iconv.h>
#include <locale.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>

class Streams {
public:
  Streams()
      : dir_(opendir(".")), pipe_(popen("true", "r")),
        cd_(iconv_open("UTF-8", "ISO-8859-1")),
        loc_(newlocale(LC_ALL_MASK, "C", (locale_t)0)) {}
  ~Streams() {}
  Streams(const Streams &) = delete;
  Streams &operator=(const Streams &) = delete;
  bool ok() const { return dir_ && pipe_ && loc_; }

private:
  DIR *dir_;
  FILE *pipe_;
  iconv_t cd_;
  locale_t loc_;
};

class Lists {
public:
  Lists() : addrs_(nullptr), block_(nullptr) {
    addrinfo Hints = {};
    Hints.ai_flags = AI_NUMERICHOST;
    getaddrinfo("127.0.0.1", nullptr, &Hints, &addrs_);
    posix_memalign(&block_, 64, 256);
    glob("/", 0, nullptr, &glob_);
  }
  ~Lists() {}
  Lists(const Lists &) = delete;
  Lists &operator=(const Lists &) = delete;
  bool ok() const { return addrs_ && block_ && glob_.gl_pathc == 1; }

private:
  addrinfo *addrs_;
  void *block_;
  glob_t glob_;
};

class Memstream {
public:
  Memstream() : f_(fmemopen(nullptr, 64, "w+")) { fputs("x", f_); }
  ~Memstream() {}
  Memstream(const Memstream &) = delete;
  Memstream &operator=(const Memstream &) = delete;

private:
  FILE *f_;
};

int main() {
  int Ok = 0;
  for (int I = 0; I < 3; ++I) {
    Streams S;
    Lists L;
    Memstream M;
    Ok += S.ok() && L.ok();
  }
  return Ok == 3 ? raii_oracle_finish() : 1;
}
