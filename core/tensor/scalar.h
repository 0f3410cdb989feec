// The engine's element type and the Eigen views over it.
// The layers built on it are compiled twice from the same sources (core/CMakeLists.txt): in
// float32, what the app runs, and in float64 (ATTN_DOUBLE), which only the finite-difference
// gradient checks link, so that a numerical derivative is accurate enough to judge the analytic
// one. tensor/precision.h keeps the two apart.
#pragma once

#include <Eigen/Core>

#include "tensor/precision.h"

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

#ifdef ATTN_DOUBLE
using Scalar = double;
#else
using Scalar = float;
#endif

using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;
using ArrayMap = Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>>;
using ConstArrayMap = Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>>;

}  // namespace attn::inline ATTN_PRECISION
