// raii-explain prints the ownership decision the class analysis reaches for
// each member, with its witness: the layers below the checks, tested
// directly rather than through warnings.
#include <stdio.h>
#include <stdlib.h>

void keep(char *p);

// Owned: acquired and kept, never released: a leak with a fix-it.
class Owned {
public:
  Owned() { buf_ = (char *)malloc(16); }
  ~Owned() {}

private:
  char *buf_;
};

// Escaped: handed to a function whose body is not known.
class Escaped {
public:
  Escaped() {
    buf_ = (char *)malloc(16);
    keep(buf_);
  }
  ~Escaped() {}

private:
  char *buf_;
};

// Adopted: one constructor stores what its caller hands in.
class Adopting {
public:
  Adopting() : f_(fopen("log", "r")) {}
  explicit Adopting(FILE *f) : f_(f) {}
  ~Adopting() {}

private:
  FILE *f_;
};

// Null state, and a release on a failure path only.
class Guarded {
public:
  Guarded() : p_(nullptr) {}
  explicit Guarded(int n) {
    p_ = (char *)malloc(n);
    if (!p_) {
      free(p_);
      throw 1;
    }
  }
  ~Guarded() { free(p_); }

private:
  char *p_;
  int count_ = 0;
};

namespace outer {
namespace inner {
// Released by a helper the destructor calls.
class Helped {
public:
  Helped() { f_ = fopen("a", "r"); }
  ~Helped() { close(); }

private:
  void close() { fclose(f_); }
  FILE *f_;
};
} // namespace inner
} // namespace outer

// REQUIRES:raii-explain

// RUN:%raii_explain --class=Owned %s -- -std=c++17 \
// RUN:  | FileCheck %s --check-prefix=OWNED --match-full-lines --strict-whitespace
// OWNED:class 'Owned' at ownership.cpp:10:7
// OWNED-NEXT:  constructor 'Owned' at ownership.cpp:12:3
// OWNED-NEXT:  destructor '~Owned' at ownership.cpp:13:3: defined
// OWNED-NEXT:  copy constructor: implicit; copy assignment: implicit
// OWNED-NEXT:  raii-copyable-resource-owner:
// OWNED-NEXT:    'buf_' at ownership.cpp:16:9: memory
// OWNED-NEXT:      allocated by 'malloc' at ownership.cpp:12:28 in constructor 'Owned'
// OWNED-NEXT:      released nowhere the destructor reaches
// OWNED-NEXT:      ownership: owned: constructor 'Owned' at ownership.cpp:12:3 acquires it and keeps it
// OWNED-NEXT:      verdict: owned: the fix-it for its leak releases it in the destructor; a copy would release it twice
// OWNED-NEXT:      finding: ownership.cpp:10:7: warning: class 'Owned' owns memory 'buf_', allocated in constructor 'Owned' and freed by the fix-it for its leak, but its copy constructor and copy assignment operator are implicit: after a copy it is freed twice [raii-copyable-resource-owner]
// OWNED-NEXT:        fix-it: 1 edit
// OWNED-NEXT:        note: ownership.cpp:16:9: 'buf_' declared here
// OWNED-NEXT:  raii-critical-section-leak:
// OWNED-NEXT:    no member can hold a resource of its families
// OWNED-NEXT:  raii-unreleased-member:
// OWNED-NEXT:    'buf_' at ownership.cpp:16:9: memory
// OWNED-NEXT:      allocated by 'malloc' at ownership.cpp:12:28 in constructor 'Owned'
// OWNED-NEXT:      released nowhere the destructor reaches
// OWNED-NEXT:      ownership: owned: constructor 'Owned' at ownership.cpp:12:3 acquires it and keeps it
// OWNED-NEXT:      verdict: leak: allocated in constructor 'Owned', never freed in the destructor; fix-it: released in the destructor
// OWNED-NEXT:      finding: ownership.cpp:12:28: warning: memory 'buf_' is allocated by 'malloc' in constructor 'Owned' but never freed in destructor '~Owned' [raii-unreleased-member]
// OWNED-NEXT:        fix-it: 1 edit
// OWNED-NEXT:        note: ownership.cpp:16:9: 'buf_' declared here
// OWNED-NEXT:        note: ownership.cpp:13:3: destructor '~Owned' declared here
// OWNED-NOT: {{.}}

// RUN:%raii_explain --class=Escaped %s -- -std=c++17 \
// RUN:  | FileCheck %s --check-prefix=ESCAPED --match-full-lines --strict-whitespace
// ESCAPED:class 'Escaped' at ownership.cpp:20:7
// ESCAPED-NEXT:  constructor 'Escaped' at ownership.cpp:22:3
// ESCAPED-NEXT:  destructor '~Escaped' at ownership.cpp:26:3: defined
// ESCAPED-NEXT:  copy constructor: implicit; copy assignment: implicit
// ESCAPED-NEXT:  raii-copyable-resource-owner:
// ESCAPED-NEXT:    'buf_' at ownership.cpp:29:9: memory
// ESCAPED-NEXT:      allocated by 'malloc' at ownership.cpp:23:20 in constructor 'Escaped'
// ESCAPED-NEXT:      released nowhere the destructor reaches
// ESCAPED-NEXT:      ownership: escaped at ownership.cpp:24:5 through a call to 'keep' in constructor 'Escaped'
// ESCAPED-NEXT:      verdict: not owned by the destructor: copying the class does not release it twice
// ESCAPED-NEXT:  raii-critical-section-leak:
// ESCAPED-NEXT:    no member can hold a resource of its families
// ESCAPED-NEXT:  raii-unreleased-member:
// ESCAPED-NEXT:    'buf_' at ownership.cpp:29:9: memory
// ESCAPED-NEXT:      allocated by 'malloc' at ownership.cpp:23:20 in constructor 'Escaped'
// ESCAPED-NEXT:      released nowhere the destructor reaches
// ESCAPED-NEXT:      ownership: escaped at ownership.cpp:24:5 through a call to 'keep' in constructor 'Escaped'
// ESCAPED-NEXT:      verdict: no leak: no constructor is proven to keep it
// ESCAPED-NOT: {{.}}

// RUN:%raii_explain --class=Adopting %s -- -std=c++17 \
// RUN:  | FileCheck %s --check-prefix=ADOPTED --match-full-lines --strict-whitespace
// ADOPTED:class 'Adopting' at ownership.cpp:33:7
// ADOPTED-NEXT:  constructor 'Adopting' at ownership.cpp:35:3
// ADOPTED-NEXT:  constructor 'Adopting' at ownership.cpp:36:12
// ADOPTED-NEXT:  destructor '~Adopting' at ownership.cpp:37:3: defined
// ADOPTED-NEXT:  copy constructor: implicit; copy assignment: implicit
// ADOPTED-NEXT:  raii-copyable-resource-owner:
// ADOPTED-NEXT:    'f_' at ownership.cpp:40:9: file
// ADOPTED-NEXT:      opened by 'fopen' at ownership.cpp:35:19 in constructor 'Adopting'
// ADOPTED-NEXT:      released nowhere the destructor reaches
// ADOPTED-NEXT:      ownership: owned: constructor 'Adopting' at ownership.cpp:35:3 acquires it and keeps it
// ADOPTED-NEXT:      ownership: adopted: constructor 'Adopting' at ownership.cpp:36:12 stores a parameter in it
// ADOPTED-NEXT:      verdict: not owned by the destructor: copying the class does not release it twice
// ADOPTED-NEXT:  raii-critical-section-leak:
// ADOPTED-NEXT:    no member can hold a resource of its families
// ADOPTED-NEXT:  raii-unreleased-member:
// ADOPTED-NEXT:    'f_' at ownership.cpp:40:9: file
// ADOPTED-NEXT:      opened by 'fopen' at ownership.cpp:35:19 in constructor 'Adopting'
// ADOPTED-NEXT:      released nowhere the destructor reaches
// ADOPTED-NEXT:      ownership: owned: constructor 'Adopting' at ownership.cpp:35:3 acquires it and keeps it
// ADOPTED-NEXT:      ownership: adopted: constructor 'Adopting' at ownership.cpp:36:12 stores a parameter in it
// ADOPTED-NEXT:      verdict: leak: opened in constructor 'Adopting', never closed in the destructor; no fix-it: constructor 'Adopting' stores what it is given, which it may not own
// ADOPTED-NEXT:      finding: ownership.cpp:35:19: warning: file 'f_' is opened by 'fopen' in constructor 'Adopting' but never closed in destructor '~Adopting' [raii-unreleased-member]
// ADOPTED-NEXT:        note: ownership.cpp:40:9: 'f_' declared here
// ADOPTED-NEXT:        note: ownership.cpp:37:3: destructor '~Adopting' declared here
// ADOPTED-NEXT:        note: ownership.cpp:36:12: no fix-it: constructor 'Adopting' stores what it is given, which it may not own
// ADOPTED-NOT: {{.}}

// RUN:%raii_explain --class=Guarded %s -- -std=c++17 \
// RUN:  | FileCheck %s --check-prefix=GUARDED --match-full-lines --strict-whitespace
// GUARDED:class 'Guarded' at ownership.cpp:44:7
// GUARDED-NEXT:  constructor 'Guarded' at ownership.cpp:46:3
// GUARDED-NEXT:  constructor 'Guarded' at ownership.cpp:47:12
// GUARDED-NEXT:  destructor '~Guarded' at ownership.cpp:54:3: defined
// GUARDED-NEXT:  copy constructor: implicit; copy assignment: implicit
// GUARDED-NEXT:  raii-copyable-resource-owner:
// GUARDED-NEXT:    'p_' at ownership.cpp:57:9: memory
// GUARDED-NEXT:      allocated by 'malloc' at ownership.cpp:48:18 in constructor 'Guarded'
// GUARDED-NEXT:      freed by 'free' at ownership.cpp:54:16 in destructor '~Guarded'
// GUARDED-NEXT:      ownership: null state: constructor 'Guarded' at ownership.cpp:46:3 leaves it null
// GUARDED-NEXT:      ownership: owned: constructor 'Guarded' at ownership.cpp:47:12 acquires it and keeps it
// GUARDED-NEXT:      released on a failure path only, at ownership.cpp:50:7
// GUARDED-NEXT:      verdict: owned: a constructor acquires it and the destructor releases it; a copy would release it twice
// GUARDED-NEXT:      finding: ownership.cpp:44:7: warning: class 'Guarded' owns memory 'p_', allocated in constructor 'Guarded' and freed in destructor '~Guarded', but its copy constructor and copy assignment operator are implicit: after a copy it is freed twice [raii-copyable-resource-owner]
// GUARDED-NEXT:        fix-it: 1 edit
// GUARDED-NEXT:        note: ownership.cpp:57:9: 'p_' declared here
// GUARDED-NEXT:        note: ownership.cpp:54:16: 'p_' is freed here
// GUARDED-NEXT:    other members 'count_': no function of the class acquires or releases them as a resource of its families
// GUARDED-NEXT:  raii-critical-section-leak:
// GUARDED-NEXT:    no member can hold a resource of its families
// GUARDED-NEXT:  raii-unreleased-member:
// GUARDED-NEXT:    'p_' at ownership.cpp:57:9: memory
// GUARDED-NEXT:      allocated by 'malloc' at ownership.cpp:48:18 in constructor 'Guarded'
// GUARDED-NEXT:      freed by 'free' at ownership.cpp:54:16 in destructor '~Guarded'
// GUARDED-NEXT:      ownership: null state: constructor 'Guarded' at ownership.cpp:46:3 leaves it null
// GUARDED-NEXT:      ownership: owned: constructor 'Guarded' at ownership.cpp:47:12 acquires it and keeps it
// GUARDED-NEXT:      released on a failure path only, at ownership.cpp:50:7
// GUARDED-NEXT:      verdict: no leak: the destructor releases it
// GUARDED-NEXT:    other members 'count_': no function of the class acquires or releases them as a resource of its families
// GUARDED-NOT: {{.}}

// RUN:%raii_explain --class=inner::Helped %s -- -std=c++17 \
// RUN:  | FileCheck %s --check-prefix=HELPED --match-full-lines --strict-whitespace
// HELPED:class 'outer::inner::Helped' at ownership.cpp:64:7
// HELPED-NEXT:  constructor 'Helped' at ownership.cpp:66:3
// HELPED-NEXT:  destructor '~Helped' at ownership.cpp:67:3: defined
// HELPED-NEXT:  copy constructor: implicit; copy assignment: implicit
// HELPED-NEXT:  raii-copyable-resource-owner:
// HELPED-NEXT:    'f_' at ownership.cpp:71:9: file
// HELPED-NEXT:      opened by 'fopen' at ownership.cpp:66:19 in constructor 'Helped'
// HELPED-NEXT:      closed by 'fclose' at ownership.cpp:70:18 in 'close' (through the call at ownership.cpp:67:15)
// HELPED-NEXT:      ownership: owned: constructor 'Helped' at ownership.cpp:66:3 acquires it and keeps it
// HELPED-NEXT:      verdict: owned: a constructor acquires it and the destructor releases it; a copy would release it twice
// HELPED-NEXT:      finding: ownership.cpp:64:7: warning: class 'Helped' owns file 'f_', opened in constructor 'Helped' and closed in destructor '~Helped', but its copy constructor and copy assignment operator are implicit: after a copy it is closed twice [raii-copyable-resource-owner]
// HELPED-NEXT:        fix-it: 1 edit
// HELPED-NEXT:        note: ownership.cpp:71:9: 'f_' declared here
// HELPED-NEXT:        note: ownership.cpp:70:18: 'f_' is closed here
// HELPED-NEXT:  raii-critical-section-leak:
// HELPED-NEXT:    no member can hold a resource of its families
// HELPED-NEXT:  raii-unreleased-member:
// HELPED-NEXT:    'f_' at ownership.cpp:71:9: file
// HELPED-NEXT:      opened by 'fopen' at ownership.cpp:66:19 in constructor 'Helped'
// HELPED-NEXT:      closed by 'fclose' at ownership.cpp:70:18 in 'close' (through the call at ownership.cpp:67:15)
// HELPED-NEXT:      ownership: owned: constructor 'Helped' at ownership.cpp:66:3 acquires it and keeps it
// HELPED-NEXT:      verdict: no leak: the destructor releases it
// HELPED-NOT: {{.}}

// Owned and released, but the class cannot be copied: the copy check's
// verdict says so.
#include <pthread.h>
class Lock {
public:
  Lock() { pthread_mutex_init(&m_, nullptr); }
  ~Lock() { pthread_mutex_destroy(&m_); }
  Lock(const Lock &) = delete;
  Lock &operator=(const Lock &) = delete;

private:
  pthread_mutex_t m_;
};
// RUN: %raii_explain --class=Lock %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=LOCK --match-full-lines
// LOCK:       copy constructor: cannot copy (deleted, user-written, or never defined); copy assignment: cannot copy (deleted, user-written, or never defined)
// LOCK-NEXT:  raii-copyable-resource-owner:
// LOCK-NEXT:    'm_' at ownership.cpp:228:19: mutex
// LOCK-NEXT:      initialized by 'pthread_mutex_init' at ownership.cpp:222:12 in constructor 'Lock'
// LOCK-NEXT:      destroyed by 'pthread_mutex_destroy' at ownership.cpp:223:13 in destructor '~Lock'
// LOCK-NEXT:      ownership: owned: constructor 'Lock' at ownership.cpp:222:3 acquires it and keeps it
// LOCK-NEXT:      verdict: owned: a constructor acquires it and the destructor releases it; the class cannot be copied, so that is safe
// LOCK-NOT:       finding:
