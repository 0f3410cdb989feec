// Compiled against the data layer alone, which holds no floating-point tensors: tensor/ must not
// be found from it.
#include "tensor/tensor.h"
