// The namespace of the code built on Scalar (tensor/scalar.h): attn::f32, or attn::f64 in the
// double build that the gradient checks link (ATTN_DOUBLE). Such code opens
// `namespace attn::inline ATTN_PRECISION`: the name is inline, so the rest of the program writes
// attn::Tensor as before, but every symbol carries its precision, and linking a float library with
// a double one fails ("undefined reference to attn::f64::...") instead of mixing two layouts.
#pragma once

#ifdef ATTN_DOUBLE
#define ATTN_PRECISION f64
#else
#define ATTN_PRECISION f32
#endif
