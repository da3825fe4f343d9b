#include <stdlib.h>
class Broken {
public:
  Broken() { p_ = (char *)malloc(4) }
  ~Broken() {}

private:
  char *p_;
};
