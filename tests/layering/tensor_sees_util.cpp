// Compiled against the tensor layer alone: a header of a layer below it must be found.
#include "tensor/tensor.h"
#include "util/check.h"
