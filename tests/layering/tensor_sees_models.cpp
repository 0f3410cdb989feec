// Compiled against the tensor layer alone: a header of a layer above it must not be found, so the
// build fails here (tests/CMakeLists.txt expects that failure and its message).
#include "models/model.h"
