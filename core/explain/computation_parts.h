// The two halves of ComputationExplainer (computation.h): what each architecture keeps once per
// model, and how it explains a step. Internal to core/explain.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "explain/computation.h"
#include "layers/module.h"
#include "layers/positional_encoding.h"
#include "layers/rnn.h"
#include "layers/transformer.h"
#include "models/model.h"
#include "models/rnn_seq2seq.h"
#include "models/structured_self_attention.h"
#include "models/transformer_model.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION::explain {

// Every parameter of the model by its state_dict name (handles on the model's own values).
std::map<std::string, Var> parametersByName(const Model& model);
// One of them; throws attn::InternalError when the model lacks it (a config/parameter mismatch
// the loader would have refused).
const Tensor& parameter(const std::map<std::string, Var>& params, const std::string& name);
// Loads a mirror module from the model's parameters under `prefix` ("encoder.rnn.").
void loadMirror(Module& mirror, const std::map<std::string, Var>& params,
                const std::string& prefix);

// y = W x (+ b) in double: W [out, in] row-major as a Linear stores it; rows [row0, row0 + n).
std::vector<double> matVec(const Tensor& w, const std::vector<double>& x, int64_t row0 = 0,
                           int64_t n = -1);
std::vector<double> rowOf(const Tensor& t, int64_t row);  // a [R, C] (or [1, R, C]) tensor's row
// The rows of an embedding table [V, E] for `ids`, as one sentence [1, n, E]; throws attn::Error
// for an id outside the table.
Tensor embedIds(const Tensor& table, const std::vector<int64_t>& ids);

struct ComputationExplainer::Rnn {
  explicit Rnn(const Model& model);
  std::map<std::string, Var> params;
  RnnSeq2SeqConfig config;
  std::unique_ptr<attn::Rnn> encoder;  // a mirror of `encoder.rnn`, for the keys h_j
};

struct ComputationExplainer::Transformer {
  explicit Transformer(const Model& model);
  std::map<std::string, Var> params;
  // Mirrors of `transformer.encoder` and `transformer.decoder`, for each layer's input.
  std::unique_ptr<TransformerEncoder> encoder;
  std::unique_ptr<TransformerDecoder> decoder;
  std::unique_ptr<SinusoidalPositionalEncoding> positions;
  TransformerModelConfig config;
};

struct ComputationExplainer::Classifier {
  explicit Classifier(const Model& model);
  std::map<std::string, Var> params;
  StructuredSelfAttentionConfig config;
  std::unique_ptr<attn::Rnn> encoder;  // a mirror of `encoder`, for the annotations h_j
};

Computation explainRnn(const ComputationExplainer::Rnn& rnn, const Model& model,
                       const ComputationInput& input, const ComputationRequest& request);
Computation explainTransformer(const ComputationExplainer::Transformer& tf, const Model& model,
                               const ComputationInput& input, const ComputationRequest& request);
Computation explainClassifier(const ComputationExplainer::Classifier& lin, const Model& model,
                              const ComputationInput& input, const ComputationRequest& request);

}  // namespace attn::inline ATTN_PRECISION::explain
