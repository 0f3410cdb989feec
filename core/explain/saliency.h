// Gradient saliency of the source tokens, from the engine's own gradients: for one output step
// t of a trace, f = log p(y_t | y_<t, x) (a classifier: log p(class | x)), and for each source
// position j, with e_j the vector the encoder's first layer reads for token j,
//   gradient × input   Σ_d ∂f/∂e_jd · e_jd   (signed: positive when the token pushes y_t up)
//   gradient norm      ‖∂f/∂e_j‖₂            (how sensitive f is to token j, whatever the sign)
// Gradient × input is the first-order Taylor term of f around e = 0: for f linear in e and
// f(0) = 0 the terms add up to f exactly.
//
// f may also be the logit of y_t (SaliencyOf::Logit), as Simonyan et al. (2013) differentiate
// the class score: a model sure of y_t has p ≈ 1, where log p is flat and its gradient near 0,
// and log p also rises when the other tokens' logits fall; the logit says what supports y_t.
//
// The input e_j is the token's embedding for the RNN models and the classifier, and emb·√d
// without the positions for the transformer (models/transformer_model.h says why). f is
// computed by a teacher-forced forward pass with a graph (the target prefix y_<t as decoder
// input), one backward pass per step.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "models/model.h"
#include "tensor/precision.h"
#include "tensor/var.h"
#include "trace/trace.h"

namespace attn::inline ATTN_PRECISION {

enum class SaliencyMeasure { GradientTimesInput, GradientNorm };
enum class SaliencyOf { LogProb, Logit };  // what is differentiated

// A scalar function of the source input [1, S, E].
using SaliencyObjective = std::function<Var(const Var& input)>;

struct InputSaliency {
  Tensor input;          // [1, S, E]
  Tensor gradient;       // [1, S, E], ∂f/∂input (zeros where f does not depend on it)
  double objective = 0;  // f(input)
  std::vector<double> gradientTimesInput;  // [S]
  std::vector<double> gradientNorm;        // [S]

  const std::vector<double>& values(SaliencyMeasure measure) const {
    return measure == SaliencyMeasure::GradientNorm ? gradientNorm : gradientTimesInput;
  }
};

// f's gradient at `input` [1, S, E] by one backward pass, and the per-token sums. Needs grad
// mode (not under a NoGradGuard). Whatever parameters f reads receive gradients too: see
// gradientCopy() for models shared with other threads.
InputSaliency inputSaliency(const Tensor& input, const SaliencyObjective& f);

// What saliency differentiates for output step `step` of a trace made by `model`.
struct SaliencyProblem {
  Tensor input;              // [1, S, E], the source as the model reads it
  SaliencyObjective logits;  // input -> the step's logits [1, V]; reads `model`, which must
                             // outlive it
  int64_t targetId = 0;      // y_step in the target vocabulary (a classifier: the class)
  std::string target;        // its token as the trace shows it

  // input -> log p(y_step | …) or the logit of y_step, a scalar.
  SaliencyObjective objective(SaliencyOf of) const;
};

// Throws attn::Error when the trace cannot have come from this model: another config, a step
// out of range, a class the model does not have. The tokens are looked up as decoding looked
// them up (unknown ones become <unk>).
SaliencyProblem saliencyProblem(const Model& model, const Trace& trace, int step);

struct TokenSaliency {
  int step = 0;
  std::string target;
  SaliencyOf of = SaliencyOf::LogProb;
  double logProb = 0;      // log p(y_step | y_<step, x), or log p(class | x)
  double logit = 0;        // y_step's logit
  InputSaliency saliency;  // saliency.objective is logProb or logit, as `of` says
};

// Saliency of every source token for output step `step`. Checks the trace's own log-prob of
// y_step, when it has one, against f: a trace from other weights is refused with an
// attn::Error rather than explained with the wrong model. The backward pass writes into the
// gradients of `model`'s parameters (cleared before returning): a model shared with other
// threads is differentiated through gradientCopy().
TokenSaliency traceSaliency(const Model& model, const Trace& trace, int step,
                            SaliencyOf of = SaliencyOf::LogProb);

// A copy of `model` (config, vocabularies, weights) for one thread to differentiate while the
// original stays read-only for others: the backward pass writes into parameter gradients.
Model gradientCopy(const Model& model);

}  // namespace attn::inline ATTN_PRECISION
