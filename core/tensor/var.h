// Reverse-mode automatic differentiation over whole-tensor operations.
//
// A Var is a handle on a node of the computation graph: its value, its gradient, and (for the
// result of an op) the inputs and a function that turns the node's gradient into theirs.
// The graph is built as ops run and is owned by the Vars that reach it, so it is freed when
// the loss goes out of scope. backward() orders the graph once, runs every node's backward
// function in reverse, and drops the closures as it goes, so activations are released early.
// One node per tensor op (a matrix product over the whole batch, a softmax over every row),
// never per scalar: the cost of the graph is small next to the arithmetic it records.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "tensor/precision.h"
#include "tensor/tensor.h"

namespace attn::inline ATTN_PRECISION {

struct Node;
using NodePtr = std::shared_ptr<Node>;
using BackwardFn = std::function<void(Node& self)>;

struct Node {
  Tensor value;
  Tensor grad;  // empty until something flows into it
  bool requiresGrad = false;
  std::vector<NodePtr> inputs;
  BackwardFn backward;  // reads self.grad, accumulates into inputs[i]->grad

  // The gradient, allocated as zeros on first use: what backward functions add into.
  Tensor& gradRef();
  bool hasGrad() const { return grad.defined(); }
  // grad += e (an Eigen array expression of value's size). The first contribution is written
  // rather than added to zeros: in a training step's backward pass most gradients have one
  // contributor, and the zero-fill and the extra read were 5% of a transformer step.
  template <class E>
  void accumulateGrad(const E& e) {
    if (grad.defined()) {
      grad.arr() += e;
    } else {
      grad = Tensor::empty(value.shape());
      grad.arr() = e;
    }
  }
};

class Var {
 public:
  Var() = default;
  // A constant (requiresGrad false) or a trainable leaf (requiresGrad true).
  explicit Var(Tensor value, bool requiresGrad = false);
  explicit Var(NodePtr node) : node_(std::move(node)) {}

  bool defined() const { return node_ != nullptr; }
  const Tensor& value() const { return node_->value; }
  Tensor& mutableValue() { return node_->value; }  // for optimizers and loaders only
  const Tensor& grad() const { return node_->grad; }
  Tensor& gradRef() { return node_->gradRef(); }
  const Shape& shape() const { return node_->value.shape(); }
  int64_t dim(int i) const { return node_->value.dim(i); }
  bool requiresGrad() const { return node_ && node_->requiresGrad; }
  Node* node() const { return node_.get(); }
  const NodePtr& nodePtr() const { return node_; }
  void zeroGrad() { node_->grad = Tensor(); }

  // Back-propagates from this Var. A one-element Var is seeded with 1; any other needs a seed.
  void backward();
  void backward(const Tensor& seed);

 private:
  NodePtr node_;
};

// While one is alive on a thread, ops on that thread record no graph (inference, decoding).
class NoGradGuard {
 public:
  NoGradGuard();
  ~NoGradGuard();
  NoGradGuard(const NoGradGuard&) = delete;
  NoGradGuard& operator=(const NoGradGuard&) = delete;

 private:
  bool previous_;
};

bool gradEnabled();

// How every op makes its result: with a graph node when grad is on and an input needs it,
// as a plain constant otherwise (then `fn` is dropped unevaluated).
Var makeResult(Tensor value, std::initializer_list<Var> inputs, BackwardFn fn);
Var makeResult(Tensor value, const std::vector<Var>& inputs, BackwardFn fn);

}  // namespace attn::inline ATTN_PRECISION
