// The computation laid bare: one attention step of a trace recomputed, number by number, from
// the model's parameters, in the order the course teaches it (docs/file-formats.md, Architectures):
//
//   the query → one score per key (dot qᵀh_j, general qᵀW h_j, additive vᵀtanh(W_q q + W_k h_j),
//   or the transformer's q·k_j/√d_k per head) → exp → softmax → the weighted sum (the context
//   c = Σ_j a_j h_j, or a head's Σ_j a_j v_j) → for multi-head attention the heads concatenated
//   and projected by W_o → the next-token distribution.
//
// The structured self-attention classifier (Lin et al. 2017) has no query: each hop r scores
// the tokens with its own row w_r of W_s2, e_rj = w_rᵀ tanh(W_s1 h_j); its hops are the heads
// here, the MLP over the flattened M = A H gives the class distribution.
//
// Only the states the attention reads are taken from the model's own code (the decoder state of
// an RNN decoder step; the transformer's layer inputs, through mirrors of its stacks loaded with
// its parameters); every number from the query on is computed here, in double precision, by
// plain loops over the parameters. So a view can show each term, and a test can check the
// result against the weights and scores the decoder put in the trace.
//
// Qt-free. An explainer is const once built, so one thread may explain while another decodes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tensor/precision.h"
#include "trace/map_kind.h"

namespace attn {
struct Trace;
}  // namespace attn

namespace attn::inline ATTN_PRECISION {

struct Model;

namespace explain {

enum class ScoreFormula {
  Dot,        // qᵀ h_j
  General,    // qᵀ W h_j (Luong's bilinear)
  Additive,   // vᵀ tanh(W_q q + W_k h_j) (Bahdanau's MLP)
  ScaledDot,  // q·k_j / √d_k (the transformer, per head)
  Hop,        // w_rᵀ tanh(W_s1 h_j) (Lin et al.'s hop r: additive without a query)
};
// "dot", "general", "additive", "scaled dot", "hop"
const char* scoreFormulaName(ScoreFormula formula);

// One key j of one query.
struct KeyTerm {
  std::string token;              // what sits at position j
  std::vector<double> key;        // h_j (RNN), or k_j = W_k x_j + b_k restricted to the head
  std::vector<double> value;      // what the weight multiplies: h_j (RNN), or v_j of the head
  std::vector<double> projected;  // general: W h_j; additive: W_k h_j; hop: W_s1 h_j
  std::vector<double> hidden;     // additive: tanh(W_q q + W_k h_j); hop: tanh(W_s1 h_j)
  double dot = 0;                 // scaled dot: q·k_j, before the 1/√d_k
  double score = 0;               // e_j, the score before the softmax
  double expScore = 0;            // exp(e_j − max_k e_k): the softmax's numerator
  double weight = 0;              // a_j = expScore / expSum
};

// One query attending over its keys: the RNN decoder's one attention, or one transformer head.
struct HeadComputation {
  ScoreFormula formula = ScoreFormula::Dot;
  std::vector<double> query;           // q: the decoder state (RNN), or q = W_q x + b_q of the head
                                       // (empty for a hop, which has no query)
  std::vector<double> projectedQuery;  // additive: W_q q; otherwise empty
  std::vector<double> v;               // additive: the score's vector v; hop: w_r; otherwise empty
  double scale = 1;                    // scaled dot: 1/√d_k
  std::vector<KeyTerm> keys;           // the keys the query may see (a causal query: up to itself)
  double maxScore = 0;                 // max_k e_k, subtracted before exp (the same softmax)
  double expSum = 0;                   // Σ_k exp(e_k − max)
  std::vector<double> output;          // the context c = Σ_j a_j h_j, or the head's Σ_j a_j v_j
};

struct NextToken {
  std::string token;
  double prob = 0;
};

// Which attention to explain. The step is an output step of the trace (from 0): the decoder
// maps' query is the decoder input at that position (<sos>, then y_1 …). encoder_self asks
// about a source position instead.
struct ComputationRequest {
  MapKind map = MapKind::Cross;  // the transformer also DecoderSelf, EncoderSelf; the
                                 // classifier Hops
  int step = 0;
  int layer = 0;           // the transformer's layer in its stack
  int sourcePosition = 0;  // encoder_self: the query's position in the source
  int topK = 5;            // next tokens to keep, 1..1000
};

struct Computation {
  // What was explained.
  bool transformer = false;
  bool classifier = false;  // Lin et al.: the heads are the hops, `next` the classes
  MapKind map = MapKind::Cross;
  int step = 0, layer = 0;
  int queryPosition = 0;   // the row of the map: the output step, or the source position
  std::string queryToken;  // the token read at the query position
  std::string attention;   // RNN: "bahdanau" (query s_{i−1}) or "luong" (query s_i)
  bool inputFeeding = false;
  bool normFirst = false;  // transformer: the query was read after norm1/norm2 (pre-norm)

  std::vector<HeadComputation> heads;  // RNN: one; transformer: one per head

  // Multi-head: [head_1; …; head_h] and W_o · concat + b_o, the attention block's output.
  // The classifier: M flattened, [m_1; …; m_r], and projected is empty.
  std::vector<double> concat;
  std::vector<double> projected;

  // The next-token distribution of this step (decoder maps only): what the output layer reads
  // (Bahdanau [s_i; c_i]; Luong h̃_i = tanh(W_c [c_i; s_i]); the transformer the top decoder
  // layer's output after the final norm), the most probable tokens, and the trace's token.
  // The classifier: readout = ReLU(W_fc M + b_fc), next = the classes, chosen = the trace's.
  std::vector<double> readout;
  std::vector<NextToken> next;
  std::string chosen;
  double chosenProb = 0;

  // How far the recomputation is from what the trace holds: the largest |a_j − trace weight| and
  // |e_j − trace score| over every head (−1 when the trace has no such numbers).
  double weightDifference = -1;
  double scoreDifference = -1;
};

// The source and output of a trace as the model reads them: the typed tokens looked up in the
// model's vocabularies, unknown ones as <unk>.
struct ComputationInput {
  std::vector<std::string> sourceTokens;  // ending with <eos> (not for the classifier)
  std::vector<std::string> targetTokens;  // y_1 … (the output; <eos> last when it was reached);
                                          // the classifier: its one class
  std::vector<int64_t> sourceIds, targetIds;  // targetIds: class ids for the classifier
};

// Throws attn::Error when the trace cannot have come from this model (another model's config,
// a source without its <eos>, no output).
ComputationInput inputFromTrace(const Model& model, const Trace& trace);

class ComputationExplainer {
 public:
  // Keeps a reference to `model`, which must outlive the explainer. Throws attn::Error for a
  // model this view cannot explain (an RNN without attention).
  explicit ComputationExplainer(const Model& model);
  ~ComputationExplainer();
  ComputationExplainer(const ComputationExplainer&) = delete;
  ComputationExplainer& operator=(const ComputationExplainer&) = delete;

  // Throws attn::Error for a request out of range (a step past the output, a layer or map the
  // model does not have, a source position outside the source).
  Computation explain(const ComputationInput& input, const ComputationRequest& request) const;
  // The same on a trace of this model, with the differences to the trace's own numbers filled.
  Computation explain(const Trace& trace, const ComputationRequest& request) const;

  const Model& model() const { return model_; }

  struct Rnn;
  struct Transformer;
  struct Classifier;

 private:
  const Model& model_;
  std::unique_ptr<Rnn> rnn_;
  std::unique_ptr<Transformer> transformer_;
  std::unique_ptr<Classifier> classifier_;
};

// ---- the arithmetic shared by both architectures (computation.cpp) ----

// Fills expScore, weight, maxScore, expSum and output (Σ_j a_j value_j) from the keys' scores.
void finishSoftmax(HeadComputation& head);

// logits -> the k most probable tokens (softmax in double), best first, and the probability of
// `chosenId` (ignored when negative).
std::vector<NextToken> topTokens(const std::vector<double>& logits,
                                 const std::vector<std::string>& vocabulary, int k,
                                 int64_t chosenId, double* chosenProb);

}  // namespace explain
}  // namespace attn::inline ATTN_PRECISION
