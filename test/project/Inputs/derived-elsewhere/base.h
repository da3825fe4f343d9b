// A base whose constructor allocates and whose derived class's destructor,
// in another file, frees: judged per file, base.cpp alone reports a leak;
// with the project's facts, nothing.
#pragma once

class Base {
public:
  Base();
  virtual ~Base();

protected:
  int *slots_;
};

class Derived : public Base {
public:
  ~Derived() override;
};
