// A class that allocates in its constructor and has no destructor, moved in
// b.cpp by its implicit move constructor. The leak's fix-it would declare a
// destructor, which turns that move into a copy of the pointer: deleted
// twice at run time. So no fix-it, here or from a.cpp.
#pragma once

class Holder {
public:
  Holder() : p_(new int[4]()) {}
  int first() const { return p_[0]; }

private:
  int *p_;
};
