// The base of every layer and model: a tree of named parameters, named exactly as PyTorch's
// state_dict names them ("encoder.rnn.weight_ih_l0"), so a model file written by PyTorch loads
// as is and ours loads in PyTorch.
//
// A module registers its parameters and sub-modules in its constructor. Modules are neither
// copied nor moved: they hold pointers to their sub-modules, which are their own members.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tensor/precision.h"
#include "tensor/var.h"
#include "util/random.h"

namespace attn::inline ATTN_PRECISION {

using NamedParameters = std::vector<std::pair<std::string, Var>>;

class Module {
 public:
  Module() = default;
  virtual ~Module() = default;
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  // Every parameter of this module and its sub-modules, in registration order, with the
  // dotted name PyTorch gives it, each prefixed by `prefix` (e.g. "decoder.").
  NamedParameters namedParameters(const std::string& prefix = "") const;
  std::vector<Var> parameters() const;
  int64_t parameterCount() const;
  void zeroGrad();

  // Copies values in by name. Every parameter must be present with its exact shape; throws
  // attn::Error naming the first one that is missing or has the wrong shape. Names in `values`
  // that this module does not have are returned, so a caller can refuse or warn about them.
  std::vector<std::string> loadParameters(const std::map<std::string, Tensor>& values,
                                          const std::string& prefix = "");

 protected:
  Var registerParameter(const std::string& name, Tensor init);
  void registerModule(const std::string& name, Module& child);

 private:
  NamedParameters params_;
  std::vector<std::pair<std::string, Module*>> children_;
};

// PyTorch's default initialisation of Linear and RNN weights: U(−1/√fanIn, 1/√fanIn).
Tensor uniformInit(Random& rng, const Shape& shape, int64_t fanIn);

}  // namespace attn::inline ATTN_PRECISION
