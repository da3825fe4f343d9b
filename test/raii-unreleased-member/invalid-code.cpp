// RUN: %check_raii_tidy -expect-clang-tidy-error %s raii-unreleased-member %t -- -- -std=c++17

#include <stdio.h>
#include <stdlib.h>

// Code with errors never receives a fix-it, and nothing crashes.
class Leaky {
public:
  Leaky() : p_(malloc(4)), f_(fopen("a", "r")) {}
  ~Leaky() {}

private:
  void *p_;
  FILE *f_;
};

class UndeclaredMember {
public:
  UndeclaredMember() { m_missing = malloc(4); }
  ~UndeclaredMember() { free(m_other); }
};

class BrokenBody {
public:
  BrokenBody() { p_ = new int[3] }
  ~BrokenBody() {
private:
  int *p_;
};

class UnknownType {
public:
  UnknownType() : h_(CreateThing()) {}
  ~UnknownType() { delete h_; }

private:
  Unknown *h_;
};

class WrongArguments {
public:
  WrongArguments() { f_ = fopen(); buf_ = (char *)malloc(1, 2); }
  ~WrongArguments() { fclose(f_, 1); free(); }

private:
  FILE *f_;
  char *buf_;
};

template <typename T> class Pending {
public:
  Pending() : items_(new T[]) {}
  ~Pending() { delete items_ }

private:
  T *items_;
};
