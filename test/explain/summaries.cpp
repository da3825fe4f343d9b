// The function summaries and closures of a class, as raii-explain's debug
// output prints them: what each body does to the members, found once per
// function, and what a constructor reaches through the class's own calls.
#include <stdio.h>
#include <stdlib.h>

void report(FILE *f);

class Layered {
public:
  Layered() : log_(nullptr) {
    open();
    for (char *&Slot : slots_)
      Slot = (char *)malloc(8);
  }
  ~Layered() {
    for (char *Slot : slots_)
      free(Slot);
    if (log_)
      fclose(log_);
  }

private:
  void open() {
    log_ = fopen("log", "w");
    report(log_);
  }
  FILE *log_;
  char *slots_[4];
};

// REQUIRES: raii-explain
// RUN: %raii_explain --class=Layered --debug-only=raii-summary,raii-closure %s -- -std=c++17 2>&1 >/dev/null \
// RUN:   | FileCheck %s --match-full-lines
//
// The destructor frees each element of the array member the range-for runs
// over (its loop variable is read from the AST, whichever summary is built
// first), and closes the file under a test.
// CHECK:raii-summary: Layered::~Layered (3 facts)
// CHECK-NEXT:  release slots_ (heap-memory) at {{.*}}summaries.cpp:18:7
// CHECK-NEXT:  free slots_ at {{.*}}summaries.cpp:18:7
// CHECK-NEXT:  release log_ (stdio-file) at {{.*}}summaries.cpp:20:7, guarded
// CHECK-NEXT:raii-closure: Layered::~Layered reaches 3 facts in ~Layered
//
// The constructor sets the file to null, fills the array through a
// reference loop variable, and calls open(), which opens the file and hands
// it to report(), whose body is not known: an escape.
// CHECK-NEXT:raii-summary: Layered::Layered (2 facts)
// CHECK-NEXT:  null log_ at {{.*}}summaries.cpp:11:20
// CHECK-NEXT:  acquire slots_ (heap-memory) at {{.*}}summaries.cpp:14:22
// CHECK-NEXT:  calls Layered::open
// CHECK-NEXT:raii-summary: Layered::open (2 facts)
// CHECK-NEXT:  acquire log_ (stdio-file) at {{.*}}summaries.cpp:25:12
// CHECK-NEXT:  escape log_ at {{.*}}summaries.cpp:26:5
// CHECK-NEXT:raii-closure: Layered::Layered reaches 4 facts in Layered open

// The table says the same: the array is owned and released; the file
// escapes, so nothing is reported about it.
// RUN: %raii_explain --class=Layered %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=TABLE --match-full-lines
// TABLE-LABEL:  raii-unreleased-member:
// TABLE-NEXT:    'log_' at summaries.cpp:28:9: file
// TABLE-NEXT:      opened by 'fopen' at summaries.cpp:25:12 in 'open' (through the call at summaries.cpp:12:5)
// TABLE-NEXT:      closed by 'fclose' at summaries.cpp:20:7 in destructor '~Layered', conditionally
// TABLE-NEXT:      ownership: escaped at summaries.cpp:26:5 through a call to 'report' in 'open'
// TABLE-NEXT:      verdict: no leak: no constructor is proven to keep it
// TABLE-NEXT:    'slots_' at summaries.cpp:29:9: memory
// TABLE-NEXT:      allocated by 'malloc' at summaries.cpp:14:22 in constructor 'Layered'
// TABLE-NEXT:      freed by 'free' at summaries.cpp:18:7 in destructor '~Layered'
// TABLE-NEXT:      ownership: owned: constructor 'Layered' at summaries.cpp:11:3 acquires it and keeps it
// TABLE-NEXT:      verdict: no leak: the destructor releases it
// TABLE-NOT:     finding:

// With only a debug type that prints nothing here (no leak, so no fix-it
// decision), no debug output at all. (LLVM 19's clang-tidy library also
// prints "N warnings generated." on stderr.)
// RUN: %raii_explain --class=Layered --debug-only=raii-fix %s -- -std=c++17 2>&1 >/dev/null \
// RUN:   | FileCheck %s --check-prefix=QUIET --allow-empty
// QUIET-NOT: raii-
