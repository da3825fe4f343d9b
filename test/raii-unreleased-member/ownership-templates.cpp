// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// The ownership rules in class templates, judged in their pattern, where a
// member of dependent type is initialized by a list without a type
// (`p_(nullptr)` on a `T *`): the analysis must not crash on it (it did on
// a buffer template of a real code base) and reads it as null.
#include <stddef.h>
#include <utility>

template <class T> class Buffer {
public:
  Buffer() : p_(nullptr), n_(0) {}
  explicit Buffer(size_t N) : p_(new T[N]), n_(N) {}
  // The caller hands its array over.
  Buffer(T *P, size_t N) : p_(P), n_(N) {}
  Buffer(Buffer &&O) : p_(O.p_), n_(O.n_) { O.p_ = nullptr; }
  ~Buffer() { delete[] p_; }
  Buffer(const Buffer &) = delete;
  Buffer &operator=(const Buffer &) = delete;

private:
  T *p_;
  size_t n_;
};

template <class T> class Leaky {
public:
  Leaky() : p_(nullptr) {}
  explicit Leaky(size_t N) : p_(new T[N]) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: memory 'p_' is allocated by 'new[]' in constructor 'Leaky<T>' but never deleted in destructor '~Leaky<T>' [raii-unreleased-member]
  ~Leaky() {}
  // CHECK-FIXES: {{^}}  ~Leaky() { delete[] p_; }{{$}}
  Leaky(const Leaky &) = delete;
  Leaky &operator=(const Leaky &) = delete;

private:
  T *p_;
};

template <class T> class Exchanged {
public:
  Exchanged() : p_(new T) {}
  Exchanged(Exchanged &&O) : p_(std::exchange(O.p_, nullptr)) {}
  ~Exchanged() { delete p_; }

private:
  T *p_;
};

template class Buffer<int>;
template class Leaky<char>;
