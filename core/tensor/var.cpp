#include "tensor/var.h"

#include <unordered_set>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {
thread_local bool tGradEnabled = true;

template <class Range>
Var makeResultImpl(Tensor value, const Range& inputs, BackwardFn fn) {
  auto node = std::make_shared<Node>();
  node->value = std::move(value);
  bool needs = false;
  if (tGradEnabled)
    for (const Var& v : inputs) needs = needs || v.requiresGrad();
  if (needs) {
    node->requiresGrad = true;
    node->inputs.reserve(inputs.size());
    for (const Var& v : inputs) node->inputs.push_back(v.nodePtr());
    node->backward = std::move(fn);
  }
  return Var(std::move(node));
}
}  // namespace

Tensor& Node::gradRef() {
  if (!grad.defined()) grad = Tensor::zeros(value.shape());
  return grad;
}

Var::Var(Tensor value, bool requiresGrad) : node_(std::make_shared<Node>()) {
  node_->value = std::move(value);
  node_->requiresGrad = requiresGrad;
}

void Var::backward() {
  ATTN_CHECK(node_->value.numel() == 1,
             "backward() without a seed needs a one-element tensor, not " +
                 node_->value.shape().toString());
  backward(Tensor::full(node_->value.shape(), Scalar(1)));
}

void Var::backward(const Tensor& seed) {
  ATTN_CHECK(seed.shape() == node_->value.shape(), "backward seed shape mismatch");
  if (!node_->requiresGrad) return;
  // Topological order by an iterative depth-first search (a recursive one would overflow the
  // stack on the graph of a long recurrent sequence).
  // `order` owns its nodes: freeing a node's links below must not free a node still to run.
  std::vector<NodePtr> order;
  std::unordered_set<Node*> seen;
  std::vector<std::pair<NodePtr, size_t>> stack{{node_, 0}};
  seen.insert(node_.get());
  while (!stack.empty()) {
    auto& [n, next] = stack.back();
    if (next < n->inputs.size()) {
      NodePtr child = n->inputs[next++];
      if (child->requiresGrad && child->backward && seen.insert(child.get()).second)
        stack.emplace_back(std::move(child), 0);
    } else {
      order.push_back(std::move(n));
      stack.pop_back();
    }
  }
  Tensor& g = node_->gradRef();
  g.arr() += seed.arr();
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    Node* n = it->get();
    if (n->hasGrad() && n->backward) n->backward(*n);
    // The graph is used once: free the closure, the links and this intermediate gradient.
    n->backward = nullptr;
    n->inputs.clear();
    if (n != node_.get()) n->grad = Tensor();
  }
}

NoGradGuard::NoGradGuard() : previous_(tGradEnabled) {
  tGradEnabled = false;
}
NoGradGuard::~NoGradGuard() {
  tGradEnabled = previous_;
}
bool gradEnabled() {
  return tGradEnabled;
}

Var makeResult(Tensor value, std::initializer_list<Var> inputs, BackwardFn fn) {
  return makeResultImpl(std::move(value), inputs, std::move(fn));
}
Var makeResult(Tensor value, const std::vector<Var>& inputs, BackwardFn fn) {
  return makeResultImpl(std::move(value), inputs, std::move(fn));
}

}  // namespace attn::inline ATTN_PRECISION
