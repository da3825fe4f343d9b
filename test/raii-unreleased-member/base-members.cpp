// RUN: %check_raii_tidy %s raii-unreleased-member %t -- -- -std=c++17

// A base class's member that a derived class's constructor acquires must be
// released by a destructor of the hierarchy, or a helper one runs; the
// fix-it goes into the derived destructor.
#include <stdlib.h>
#include <string.h>

class Named {
public:
  virtual ~Named() {}

protected:
  char *name;
};

class Widget : public Named {
public:
  Widget() {
    name = (char *)malloc(16);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: memory 'name' is allocated by 'malloc' in constructor 'Widget' but never freed in destructor '~Widget' [raii-unreleased-member]
    // CHECK-MESSAGES: :[[@LINE-13]]:7: note: 'name' is a member of base class 'Named', which does not release it either
    strcpy(name, "widget");
  }
  ~Widget() {}
  // CHECK-FIXES: {{^}}  ~Widget() { free(name); }{{$}}
};

// No destructor of its own: the fix declares one.
class Label : public Named {
public:
  Label() { name = strdup("label"); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: memory 'name' is allocated by 'strdup' in constructor 'Label' but never freed; 'Label' has no user-declared destructor [raii-unreleased-member]
  // CHECK-FIXES: {{^}}  ~Label() { free(name); }{{$}}
};

// Silent: the base's destructor frees it, or a base helper the derived
// destructor runs, or a base method the class never calls but may (it is
// the base's way to release it).
class Owner {
public:
  virtual ~Owner() { free(buf); }

protected:
  char *buf = nullptr;
};

class Filler : public Owner {
public:
  Filler() { buf = (char *)malloc(16); }
};

class Helper {
protected:
  void release() { free(p); }
  char *p = nullptr;
};

class UsesHelper : public Helper {
public:
  UsesHelper() { p = (char *)malloc(4); }
  ~UsesHelper() { release(); }
};

class Resettable {
public:
  void reset() { free(data); }

protected:
  char *data = nullptr;
};

class Loaded : public Resettable {
public:
  Loaded() { data = (char *)malloc(8); }
};

// A base whose destructor is elsewhere may free it.
class Opaque {
public:
  ~Opaque();

protected:
  char *blob;
};

class Blobby : public Opaque {
public:
  Blobby() { blob = (char *)malloc(8); }
};

// A private member of the base: the derived class cannot touch it.
class Private {
public:
  Private() : secret(nullptr) {}

private:
  char *secret;
};
