// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// The POSIX and C families added with the full table (docs: Families)
// against glibc's real headers: the warning names the acquisition, the
// fix-it writes the release with the arguments it needs and the guard the
// family's invalid value asks for.
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <glob.h>
#include <iconv.h>
#include <ifaddrs.h>
#include <locale.h>
#include <netdb.h>
#include <pthread.h>
#include <regex.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

class Streams {
public:
  Streams()
      : dir_(opendir(".")), pipe_(popen("true", "r")),
      // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: directory stream 'dir_' is opened by 'opendir' in constructor 'Streams' but never closed in destructor '~Streams' [raii-unreleased-member]
      // CHECK-MESSAGES: :[[@LINE-2]]:35: warning: pipe stream 'pipe_' is opened by 'popen' in constructor 'Streams' but never closed in destructor '~Streams' [raii-unreleased-member]
        lib_(dlopen("libm.so.6", RTLD_NOW)),
        // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: library handle 'lib_' is opened by 'dlopen' in constructor 'Streams' but never closed in destructor '~Streams' [raii-unreleased-member]
        cd_(iconv_open("UTF-8", "ISO-8859-1")),
        // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: conversion descriptor 'cd_' is opened by 'iconv_open' in constructor 'Streams' but never closed in destructor '~Streams' [raii-unreleased-member]
        sem_(sem_open("/raii-tidy", O_CREAT, 0600, 0)),
        // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: named semaphore 'sem_' is opened by 'sem_open' in constructor 'Streams' but never closed in destructor '~Streams' [raii-unreleased-member]
        loc_(newlocale(LC_ALL_MASK, "C", (locale_t)0)) {}
        // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: locale 'loc_' is created by 'newlocale' in constructor 'Streams' but never freed in destructor '~Streams' [raii-unreleased-member]
  ~Streams() {}
  // CHECK-FIXES: {{^}}  ~Streams() { if (dir_) closedir(dir_); if (pipe_) pclose(pipe_); if (lib_) dlclose(lib_); if (cd_ != (iconv_t)-1) iconv_close(cd_); if (sem_ != SEM_FAILED) sem_close(sem_); if (loc_) freelocale(loc_); }{{$}}
  Streams(const Streams &) = delete;
  Streams &operator=(const Streams &) = delete;

private:
  DIR *dir_;
  FILE *pipe_;
  void *lib_;
  iconv_t cd_;
  sem_t *sem_;
  locale_t loc_;
};

// munmap needs the length: a constant, or a member only constructors set
// before mapping; a parameter is gone by the time the destructor runs.
class Mapping {
public:
  Mapping() : p_(mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: mapping 'p_' is mapped by 'mmap' in constructor 'Mapping' but never unmapped in destructor '~Mapping' [raii-unreleased-member]
  ~Mapping() {}
  // CHECK-FIXES: {{^}}  ~Mapping() { if (p_ != MAP_FAILED) munmap(p_, 4096); }{{$}}
  Mapping(const Mapping &) = delete;
  Mapping &operator=(const Mapping &) = delete;

private:
  void *p_;
};
class SizedMapping {
public:
  explicit SizedMapping(size_t n) : len_(n) {
    p_ = mmap(nullptr, len_, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: mapping 'p_' is mapped by 'mmap' in constructor 'SizedMapping' but never unmapped in destructor '~SizedMapping' [raii-unreleased-member]
  }
  ~SizedMapping() {}
  // CHECK-FIXES: {{^}}  ~SizedMapping() { if (p_ != MAP_FAILED) munmap(p_, len_); }{{$}}
  SizedMapping(const SizedMapping &) = delete;
  SizedMapping &operator=(const SizedMapping &) = delete;

private:
  size_t len_;
  void *p_;
};
class ParamMapping {
public:
  explicit ParamMapping(size_t n) {
    p_ = mmap(nullptr, n, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: mapping 'p_' is mapped by 'mmap' in constructor 'ParamMapping' but never unmapped in destructor '~ParamMapping' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-2]]:10: note: no fix-it: 'munmap' needs the value 'mmap' was given ('n'), which the destructor cannot repeat: it is not a constant or a member only constructors set
  }
  ~ParamMapping() {}
  ParamMapping(const ParamMapping &) = delete;
  ParamMapping &operator=(const ParamMapping &) = delete;

private:
  void *p_;
};
class TwoLengths {
public:
  TwoLengths() : p_(mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: mapping 'p_' is mapped by 'mmap' in constructor 'TwoLengths' but never unmapped in destructor '~TwoLengths' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:21: note: no fix-it: 'munmap' needs the value 'mmap' was given, which differs between constructors ('4096', '8192')
  explicit TwoLengths(int) : p_(mmap(nullptr, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) {}
  ~TwoLengths() {}
  TwoLengths(const TwoLengths &) = delete;
  TwoLengths &operator=(const TwoLengths &) = delete;

private:
  void *p_;
};

// Out-parameters a failed call leaves as they were: a fix-it only when the
// member is null first.
class Lists {
public:
  Lists() : addrs_(nullptr), ifs_(nullptr), block_(nullptr) {
    getaddrinfo("127.0.0.1", nullptr, nullptr, &addrs_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: address list 'addrs_' is allocated by 'getaddrinfo' in constructor 'Lists' but never freed in destructor '~Lists' [raii-unreleased-member]
    getifaddrs(&ifs_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: interface address list 'ifs_' is allocated by 'getifaddrs' in constructor 'Lists' but never freed in destructor '~Lists' [raii-unreleased-member]
    posix_memalign(&block_, 64, 256);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: memory 'block_' is allocated by 'posix_memalign' in constructor 'Lists' but never freed in destructor '~Lists' [raii-unreleased-member]
    glob("*", 0, nullptr, &glob_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: glob result 'glob_' is filled by 'glob' in constructor 'Lists' but never freed in destructor '~Lists' [raii-unreleased-member]
  }
  ~Lists() {}
  // CHECK-FIXES: {{^}}  ~Lists() { if (addrs_) freeaddrinfo(addrs_); if (ifs_) freeifaddrs(ifs_); free(block_); globfree(&glob_); }{{$}}
  Lists(const Lists &) = delete;
  Lists &operator=(const Lists &) = delete;

private:
  addrinfo *addrs_;
  ifaddrs *ifs_;
  void *block_;
  glob_t glob_;
};
class Unset {
public:
  Unset() {
    getaddrinfo("127.0.0.1", nullptr, nullptr, &addrs_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: address list 'addrs_' is allocated by 'getaddrinfo' in constructor 'Unset' but never freed in destructor '~Unset' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: 'getaddrinfo' leaves 'addrs_' unset when it fails; set it to null before 'getaddrinfo' in constructor 'Unset'
    regcomp(&re_, "a+", REG_EXTENDED);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: regular expression 're_' is compiled by 'regcomp' in constructor 'Unset' but never freed in destructor '~Unset' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: 'regcomp' leaves 're_' unset when it fails, and the destructor cannot tell
    pthread_key_create(&key_, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread-specific data key 'key_' is created by 'pthread_key_create' in constructor 'Unset' but never deleted in destructor '~Unset' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: 'pthread_key_create' leaves 'key_' unset when it fails, and the destructor cannot tell
    timer_create(CLOCK_MONOTONIC, nullptr, &timer_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: timer 'timer_' is created by 'timer_create' in constructor 'Unset' but never deleted in destructor '~Unset' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no fix-it: 'timer_create' leaves 'timer_' unset when it fails, and the destructor cannot tell
  }
  ~Unset() {}
  Unset(const Unset &) = delete;
  Unset &operator=(const Unset &) = delete;

private:
  addrinfo *addrs_;
  regex_t re_;
  pthread_key_t key_;
  timer_t timer_;
};

class Attributes {
public:
  Attributes() {
    pthread_attr_init(&thread_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread attributes object 'thread_' is initialized by 'pthread_attr_init' in constructor 'Attributes' but never destroyed in destructor '~Attributes' [raii-unreleased-member]
    pthread_mutexattr_init(&mutex_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: mutex attributes object 'mutex_' is initialized by 'pthread_mutexattr_init' in constructor 'Attributes' but never destroyed in destructor '~Attributes' [raii-unreleased-member]
    pthread_condattr_init(&cond_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: condition attributes object 'cond_' is initialized by 'pthread_condattr_init' in constructor 'Attributes' but never destroyed in destructor '~Attributes' [raii-unreleased-member]
  }
  ~Attributes() {}
  // CHECK-FIXES: {{^}}  ~Attributes() { pthread_attr_destroy(&thread_); pthread_mutexattr_destroy(&mutex_); pthread_condattr_destroy(&cond_); }{{$}}
  Attributes(const Attributes &) = delete;
  Attributes &operator=(const Attributes &) = delete;

private:
  pthread_attr_t thread_;
  pthread_mutexattr_t mutex_;
  pthread_condattr_t cond_;
};

// Released: silent.
class Released {
public:
  Released() : dir_(opendir(".")), p_(mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) {}
  ~Released() {
    if (dir_)
      closedir(dir_);
    munmap(p_, 4096);
  }
  Released(const Released &) = delete;
  Released &operator=(const Released &) = delete;

private:
  DIR *dir_;
  void *p_;
};

#include <mqueue.h>
#include <net/if.h>
#include <wordexp.h>
class More {
public:
  More() {
    queue_ = mq_open("/raii-tidy", O_RDONLY);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: message queue 'queue_' is opened by 'mq_open' in constructor 'More' but never closed in destructor '~More' [raii-unreleased-member]
    names_ = if_nameindex();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: interface name list 'names_' is allocated by 'if_nameindex' in constructor 'More' but never freed in destructor '~More' [raii-unreleased-member]
    wordexp("a b", &words_, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: word expansion 'words_' is filled by 'wordexp' in constructor 'More' but never freed in destructor '~More' [raii-unreleased-member]
    pthread_rwlockattr_init(&rwattr_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: read-write lock attributes object 'rwattr_' is initialized by 'pthread_rwlockattr_init' in constructor 'More' but never destroyed in destructor '~More' [raii-unreleased-member]
  }
  ~More() {}
  // CHECK-FIXES: {{^}}  ~More() { mq_close(queue_); if (names_) if_freenameindex(names_); wordfree(&words_); pthread_rwlockattr_destroy(&rwattr_); }{{$}}
  More(const More &) = delete;
  More &operator=(const More &) = delete;

private:
  mqd_t queue_;
  struct if_nameindex *names_;
  wordexp_t words_;
  pthread_rwlockattr_t rwattr_;
};

// GLib's allocator (declared here: the focused unit needs no GLib).
extern "C" void *g_malloc(unsigned long n);
extern "C" void g_free(void *p);
class GBuffer {
public:
  GBuffer() : data_(g_malloc(16)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: memory 'data_' is allocated by 'g_malloc' in constructor 'GBuffer' but never freed in destructor '~GBuffer' [raii-unreleased-member]
  ~GBuffer() {}
  // CHECK-FIXES: {{^}}  ~GBuffer() { g_free(data_); }{{$}}
  GBuffer(const GBuffer &) = delete;
  GBuffer &operator=(const GBuffer &) = delete;

private:
  void *data_;
};
