// Two compile errors, the first in its header: not judged.
#include "broken.h"

int Count(const Settings &) { return no_such_count; }
