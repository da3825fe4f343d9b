// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Null state: a constructor that sets a member to null leaves nothing to
// release. `delete`, `delete[]` and `free` of null are no-ops, so releasing
// such a member unconditionally is right; `fclose` must not be given null,
// so there the rule fires unless the destructor tests the member.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

class Optional {
public:
  Optional() : p_(nullptr) {}
  explicit Optional(int V) : p_(new int(V)) {}
  ~Optional() { delete p_; }
  Optional(const Optional &) = delete;
  Optional &operator=(const Optional &) = delete;

private:
  int *p_;
};

class FreedOptional {
public:
  FreedOptional() { p_ = NULL; }
  explicit FreedOptional(int N) : p_(static_cast<char *>(malloc(N))) {}
  FreedOptional(int, int) : p_(0) {}
  ~FreedOptional() { free(p_); }
  FreedOptional(const FreedOptional &) = delete;
  FreedOptional &operator=(const FreedOptional &) = delete;

private:
  char *p_;
};

class DefaultMemberInit {
public:
  DefaultMemberInit() = default;
  explicit DefaultMemberInit(int N) : p_(new int[N]) {}
  ~DefaultMemberInit() { delete[] p_; }
  DefaultMemberInit(const DefaultMemberInit &) = delete;
  DefaultMemberInit &operator=(const DefaultMemberInit &) = delete;

private:
  int *p_ = nullptr;
};

// Lazily allocated: no constructor acquires it.
class Lazy {
public:
  Lazy() : p_(nullptr) {}
  ~Lazy() { delete p_; }
  Lazy(const Lazy &) = delete;
  Lazy &operator=(const Lazy &) = delete;
  int &get() {
    if (!p_)
      p_ = new int(0);
    return *p_;
  }

private:
  int *p_;
};

class GuardedFile {
public:
  GuardedFile() : f_(nullptr) {}
  explicit GuardedFile(const char *Path) : f_(fopen(Path, "r")) {}
  ~GuardedFile() {
    if (f_)
      fclose(f_);
  }
  GuardedFile(const GuardedFile &) = delete;
  GuardedFile &operator=(const GuardedFile &) = delete;

private:
  FILE *f_;
};

class UnguardedFile {
public:
  UnguardedFile() : f_(nullptr) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: file 'f_' is not opened in constructor 'UnguardedFile' but is closed in destructor '~UnguardedFile' [raii-unreleased-member]
  explicit UnguardedFile(const char *Path) : f_(fopen(Path, "r")) {}
  ~UnguardedFile() { fclose(f_); }
  UnguardedFile(const UnguardedFile &) = delete;
  UnguardedFile &operator=(const UnguardedFile &) = delete;

private:
  FILE *f_;
};

// Not set at all: the destructor deletes garbage.
class Uninitialized {
public:
  Uninitialized() {}
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: memory 'p_' is not allocated in constructor 'Uninitialized' but is deleted in destructor '~Uninitialized' [raii-unreleased-member]
  explicit Uninitialized(int V) : p_(new int(V)) {}
  ~Uninitialized() { delete p_; }
  Uninitialized(const Uninitialized &) = delete;
  Uninitialized &operator=(const Uninitialized &) = delete;

private:
  int *p_;
};

// A leak whose other constructor sets the member to null still gets its
// fix-it: deleting null is a no-op.
class LeakWithNullCtor {
public:
  LeakWithNullCtor() : p_(nullptr) {}
  explicit LeakWithNullCtor(int V) : p_(new int(V)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: memory 'p_' is allocated by 'new' in constructor 'LeakWithNullCtor' but never deleted in destructor '~LeakWithNullCtor' [raii-unreleased-member]
  ~LeakWithNullCtor() {}
  // CHECK-FIXES: {{^}}  ~LeakWithNullCtor() { delete p_; }{{$}}
  LeakWithNullCtor(const LeakWithNullCtor &) = delete;
  LeakWithNullCtor &operator=(const LeakWithNullCtor &) = delete;

private:
  int *p_;
};

// The same for a file: the fix-it tests it first.
class FileLeakWithNullCtor {
public:
  FileLeakWithNullCtor() : f_(nullptr) {}
  explicit FileLeakWithNullCtor(const char *Path) : f_(fopen(Path, "r")) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: file 'f_' is opened by 'fopen' in constructor 'FileLeakWithNullCtor' but never closed in destructor '~FileLeakWithNullCtor' [raii-unreleased-member]
  ~FileLeakWithNullCtor() {}
  // CHECK-FIXES: {{^}}  ~FileLeakWithNullCtor() { if (f_) fclose(f_); }{{$}}
  FileLeakWithNullCtor(const FileLeakWithNullCtor &) = delete;
  FileLeakWithNullCtor &operator=(const FileLeakWithNullCtor &) = delete;

private:
  FILE *f_;
};

// Value-initialized members are null too.
class ValueInitialized {
public:
  ValueInitialized() : p_{} {}
  explicit ValueInitialized(int) : p_() {}
  ValueInitialized(int, int) : p_(new int) {}
  ~ValueInitialized() { delete p_; }
  ValueInitialized(const ValueInitialized &) = delete;
  ValueInitialized &operator=(const ValueInitialized &) = delete;

private:
  int *p_;
};

// A closed descriptor is -1; close() must not be given it blindly.
class Descriptor {
public:
  Descriptor() : fd_(-1) {}
  explicit Descriptor(const char *Path) : fd_(open(Path, O_RDONLY)) {}
  ~Descriptor() {
    if (fd_ >= 0)
      close(fd_);
  }
  Descriptor(const Descriptor &) = delete;
  Descriptor &operator=(const Descriptor &) = delete;

private:
  int fd_;
};

class UnguardedDescriptor {
public:
  UnguardedDescriptor() : fd_(-1) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: file descriptor 'fd_' is not opened in constructor 'UnguardedDescriptor' but is closed in destructor '~UnguardedDescriptor' [raii-unreleased-member]
  explicit UnguardedDescriptor(const char *Path) : fd_(open(Path, O_RDONLY)) {}
  ~UnguardedDescriptor() { close(fd_); }
  UnguardedDescriptor(const UnguardedDescriptor &) = delete;
  UnguardedDescriptor &operator=(const UnguardedDescriptor &) = delete;

private:
  int fd_;
};
