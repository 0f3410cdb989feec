// The words and formulas of the Computation panel (computation_view.h), as rich text in the
// course's notation: Bahdanau's and Luong's s_i, h_j, e_ij, a_ij and c_i for an RNN decoder, and
// q, k_j, v_j, √d_k, head_h and W_o for the transformer. Each formula is written once with its
// symbols and then with the actual numbers of the highlighted key, so a class can follow one
// score from the vectors to the weight.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <vector>

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION::explain {
struct Computation;
}  // namespace attn::inline ATTN_PRECISION::explain

namespace attn::ui {

class ComputationText {
  Q_DECLARE_TR_FUNCTIONS(ComputationText)

 public:
  // 3 decimals with a true minus sign; tiny non-zero values in scientific notation.
  static QString number(double v);
  // "[0.120, −0.330, 0.910, …, 0.050]": the first values and the last one when the vector has
  // more than `shown` (every value when shown < 0).
  static QString vector(const std::vector<double>& v, int shown = 6);

  // What the query is and where it comes from (the decoder state, or the head's projection).
  static QString queryText(const explain::Computation& c, int head);
  // What the keys and values are.
  static QString keysText(const explain::Computation& c, int head);
  // The score function in symbols, then with the numbers of key `key`.
  static QString scoreFormula(const explain::Computation& c, int head, int key);
  // The softmax in symbols, then for key `key`.
  static QString softmaxFormula(const explain::Computation& c, int head, int key);
  // The weighted sum: the context c_i, or the head's output.
  static QString outputFormula(const explain::Computation& c, int head);
  static QString outputTitle(const explain::Computation& c);
  // Multi-head: the concatenation and W_o.
  static QString projectionFormula(const explain::Computation& c);
  // How the output layer turns this step into the next-token distribution.
  static QString readoutFormula(const explain::Computation& c);
  // How far the recomputation is from the trace's own numbers.
  static QString agreement(const explain::Computation& c);

 private:
  // (q₁ × k₁) + (q₂ × k₂) + … + (q_n × k_n): the first terms and the last of a dot product.
  static QString dotTerms(const std::vector<double>& a, const std::vector<double>& b);
};

}  // namespace attn::ui
