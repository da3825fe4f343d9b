// RUN: %run_dynamic %s %t
// REQUIRES: asan
// DYNAMIC: leaks
// DYNAMIC-WARNS: raii-unreleased-member
// P13: a derived object allocated through a pointer to a base with a virtual
// destructor: 'delete shape_' is right, and the fix writes it.
#include "oracle.h"

class Shape {
public:
  virtual ~Shape() = default;
  virtual int area() const = 0;
};

class Square : public Shape {
public:
  explicit Square(int Side) : side_(Side) {}
  int area() const override { return side_ * side_; }

private:
  int side_;
};

class Canvas {
public:
  Canvas() : shape_(new Square(3)) {}
  ~Canvas() {}
  Canvas(const Canvas &) = delete;
  Canvas &operator=(const Canvas &) = delete;
  int area() const { return shape_->area(); }

private:
  Shape *shape_;
};

int main() {
  int Sum = 0;
  for (int I = 0; I < 3; ++I) {
    Canvas C;
    Sum += C.area();
  }
  return Sum == 27 ? raii_oracle_finish() : 1;
}
