// An owner defined in a header, copied in b.cpp and not in a.cpp. Judged
// per file, a.cpp's run writes `= delete` and b.cpp no longer compiles; with
// the project's facts, the warning says where it is copied and no fix-it
// deletes what b.cpp calls.
#pragma once

class Owner {
public:
  Owner() : p_(new int[4]()) {}
  ~Owner() { delete[] p_; }
  int first() const { return p_[0]; }

private:
  int *p_;
};
