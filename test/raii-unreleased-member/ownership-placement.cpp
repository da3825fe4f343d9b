// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// Placement new constructs in memory someone else owns: never `delete`.
// `new (std::nothrow) T` allocates.
#include <new>

struct T {
  explicit T(int V) : V(V) {}
  int V;
};

class InBuffer {
public:
  InBuffer() : p_(new (buf_) T(3)) {}
  ~InBuffer() { p_->~T(); }
  InBuffer(const InBuffer &) = delete;
  InBuffer &operator=(const InBuffer &) = delete;

private:
  alignas(T) unsigned char buf_[sizeof(T)];
  T *p_;
};

struct Arena {
  void *take(unsigned long N);
};
inline void *operator new(unsigned long N, Arena &A) { return A.take(N); }

class InArena {
public:
  explicit InArena(Arena &A) : p_(new (A) T(4)) {}
  ~InArena() {}
  InArena(const InArena &) = delete;
  InArena &operator=(const InArena &) = delete;

private:
  T *p_;
};

class NoThrow {
public:
  NoThrow() : p_(new (std::nothrow) T(5)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: memory 'p_' is allocated by 'new' in constructor 'NoThrow' but never deleted in destructor '~NoThrow' [raii-unreleased-member]
  ~NoThrow() {}
  // CHECK-FIXES: {{^}}  ~NoThrow() { delete p_; }{{$}}
  NoThrow(const NoThrow &) = delete;
  NoThrow &operator=(const NoThrow &) = delete;

private:
  T *p_;
};
