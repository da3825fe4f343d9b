// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P14: a calloc'd array of ints.
#include "oracle.h"
#include <stdlib.h>

class Histogram {
public:
  explicit Histogram(int Buckets)
      : counts_(static_cast<int *>(calloc(Buckets, sizeof(int)))),
        buckets_(Buckets) {}
  ~Histogram() {}
  Histogram(const Histogram &) = delete;
  Histogram &operator=(const Histogram &) = delete;
  void add(int V) { ++counts_[V % buckets_]; }
  int count(int B) const { return counts_[B]; }

private:
  int *counts_;
  int buckets_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Histogram H(10);
    H.add(13);
    Sum += H.count(3);
  }
  return Sum == 3 ? raii_oracle_finish() : 1;
}
