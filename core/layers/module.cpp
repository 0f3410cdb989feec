#include "layers/module.h"

#include <cmath>
#include <set>

#include "tensor/random_tensor.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

Var Module::registerParameter(const std::string& name, Tensor init) {
  Var v(std::move(init), true);
  params_.emplace_back(name, v);
  return v;
}

void Module::registerModule(const std::string& name, Module& child) {
  children_.emplace_back(name, &child);
}

NamedParameters Module::namedParameters(const std::string& prefix) const {
  NamedParameters out;
  for (const auto& [name, v] : params_) out.emplace_back(prefix + name, v);
  for (const auto& [name, child] : children_) {
    NamedParameters sub = child->namedParameters(prefix + name + ".");
    out.insert(out.end(), sub.begin(), sub.end());
  }
  return out;
}

std::vector<Var> Module::parameters() const {
  std::vector<Var> out;
  for (auto& [name, v] : namedParameters()) out.push_back(v);
  return out;
}

int64_t Module::parameterCount() const {
  int64_t n = 0;
  for (auto& [name, v] : namedParameters()) n += v.value().numel();
  return n;
}

void Module::zeroGrad() {
  for (auto& [name, v] : namedParameters()) v.zeroGrad();
}

std::vector<std::string> Module::loadParameters(const std::map<std::string, Tensor>& values,
                                                const std::string& prefix) {
  std::set<std::string> used;
  for (auto& [name, v] : namedParameters(prefix)) {
    auto it = values.find(name);
    if (it == values.end()) throw Error("parameter '" + name + "' is missing");
    if (it->second.shape() != v.shape())
      throw Error("parameter '" + name + "' has shape " + it->second.shape().toString() +
                  ", expected " + v.shape().toString());
    v.mutableValue() = it->second;
    used.insert(name);
  }
  std::vector<std::string> unknown;
  for (auto& [name, t] : values)
    if (name.rfind(prefix, 0) == 0 && !used.count(name)) unknown.push_back(name);
  return unknown;
}

Tensor uniformInit(Random& rng, const Shape& shape, int64_t fanIn) {
  const double bound = 1.0 / std::sqrt(static_cast<double>(std::max<int64_t>(1, fanIn)));
  return uniformTensor(rng, shape, -bound, bound);
}

}  // namespace attn::inline ATTN_PRECISION
