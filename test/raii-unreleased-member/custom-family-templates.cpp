// RUN: %check_raii_tidy %s raii-unreleased-member %t -- \
// RUN:   --config-file=%S/Inputs/custom-templates.yaml -- -std=c++17

// CustomFamilies with the table's power: a release pattern names the
// acquisition's arguments (`$N`, from 0), and `[Type, ...]` restricts a
// family to members of those types. A `*` in a release pattern says
// "anything": no fix-it can be written for it.
namespace lib {
typedef struct Region *lib_map_t;
typedef struct Conn *lib_conn_t;
lib_map_t Map(int fd, unsigned size);
void Unmap(lib_map_t m, unsigned size);
lib_conn_t Open(int server, int port);
void Close(int server, lib_conn_t c);
void *Acquire(int n);
void Drop(int n, void *p);
} // namespace lib
using lib::lib_map_t;

class Region {
public:
  Region() : map_(lib::Map(3, 4096)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: lib mapping 'map_' is acquired by 'Map' in constructor 'Region' but never released in destructor '~Region' [raii-unreleased-member]
  ~Region() {}
  // CHECK-FIXES: {{^}}  ~Region() { lib::Unmap(map_, 4096); }{{$}}

private:
  lib_map_t map_;
};

// Of another type than the family's: not tracked.
class Untyped {
public:
  Untyped() : map_(lib::Map(3, 4096)) {}
  ~Untyped() {}

private:
  void *map_;
};

class Session {
public:
  Session() : server_(7), conn_(lib::Open(server_, 80)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: lib session 'conn_' is acquired by 'Open' in constructor 'Session' but never released in destructor '~Session' [raii-unreleased-member]
  ~Session() {}
  // CHECK-FIXES: {{^}}  ~Session() { lib::Close(server_, conn_); }{{$}}

private:
  int server_;
  lib::lib_conn_t conn_;
};

class Opaque {
public:
  Opaque() : p_(lib::Acquire(1)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lib opaque 'p_' is acquired by 'Acquire' in constructor 'Opaque' but never released in destructor '~Opaque' [raii-unreleased-member]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: no fix-it: the release pattern does not say what to pass for '*'
  ~Opaque() {}

private:
  void *p_;
};
