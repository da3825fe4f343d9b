// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: clean
// N7: the member is also pushed into a std::vector<T *> member, which the
// destructor deletes in a loop.
#include "oracle.h"
#include <vector>

struct Job {
  int Cost;
};

class Queue {
public:
  Queue() {
    current_ = new Job{2};
    jobs_.push_back(current_);
    jobs_.push_back(new Job{3});
  }
  ~Queue() {
    for (Job *J : jobs_)
      delete J;
  }
  Queue(const Queue &) = delete;
  Queue &operator=(const Queue &) = delete;
  int cost() const { return current_->Cost; }

private:
  Job *current_;
  std::vector<Job *> jobs_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Queue Q;
    Sum += Q.cost();
  }
  return Sum == 6 ? raii_oracle_finish() : 1;
}
