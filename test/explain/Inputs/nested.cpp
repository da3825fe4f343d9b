#include <stdlib.h>
namespace a {
class Box {
public:
  Box() { p_ = (char *)malloc(4); }
  ~Box() { free(p_); }

private:
  char *p_;
};
} // namespace a
namespace b {
class Box {
public:
  Box() {}
};
} // namespace b
