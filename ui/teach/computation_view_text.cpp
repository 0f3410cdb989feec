#include "computation_view_text.h"

#include <cmath>

#include "explain/computation.h"
#include "views/token_html.h"

namespace attn::ui {

using explain::Computation;
using explain::HeadComputation;
using explain::KeyTerm;
using explain::ScoreFormula;

namespace {

constexpr int kShownTerms = 3;  // of a dot product, before "…" and the last term

QString sub(const QString& s) {
  return QStringLiteral("<sub>%1</sub>").arg(s);
}

QString quoted(const std::string& token) {
  return QStringLiteral("«%1»").arg(visibleToken(QString::fromStdString(token)));
}

bool isRnn(const Computation& c) {
  return !c.transformer && !c.classifier;
}

// "i = 3" for the RNN (output steps counted from 1, as y_1 is the first output).
int outputIndex(const Computation& c) {
  return c.step + 1;
}

const HeadComputation& headOf(const Computation& c, int head) {
  return c.heads.at(size_t(head));
}

// A score or weight symbol: e_ij and a_ij for the RNN (e_{i,3} for key 3), e_rj for a hop r of
// the classifier, e_j for a head.
QString indexed(const Computation& c, const char* symbol, const QString& j) {
  const bool numeric = !j.isEmpty() && j.front().isDigit();
  const QString comma = numeric ? QStringLiteral(",") : QString();
  const QString index = isRnn(c)       ? QStringLiteral("i") + comma + j
                        : c.classifier ? QStringLiteral("r") + comma + j
                                       : j;
  return QString::fromLatin1(symbol) + sub(index);
}

QString scoreSymbol(const Computation& c, const QString& j) {
  return indexed(c, "e", j);
}

QString weightSymbol(const Computation& c, const QString& j) {
  return indexed(c, "a", j);
}

}  // namespace

QString ComputationText::number(double v) {
  QString s;
  if (v != 0 && std::abs(v) < 1e-3) {
    s = QString::number(v, 'e', 2);  // "1.23e-05"
    const int e = int(s.indexOf(QLatin1Char('e')));
    const int exponent = s.mid(e + 1).toInt();
    s = s.left(e) + QStringLiteral("e") + QString::number(exponent);
  } else {
    s = QString::number(v, 'f', 3);
  }
  return s.replace(QLatin1Char('-'), QChar(0x2212));
}

QString ComputationText::vector(const std::vector<double>& v, int shown) {
  QStringList parts;
  const int n = int(v.size());
  const bool cut = shown >= 0 && n > shown + 1;
  for (int i = 0; i < n; ++i) {
    if (cut && i == shown) {
      parts << QStringLiteral("…");
      i = n - 1;
    }
    parts << number(v[size_t(i)]);
  }
  return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
}

QString ComputationText::dotTerms(const std::vector<double>& a, const std::vector<double>& b) {
  QStringList terms;
  const int n = int(std::min(a.size(), b.size()));
  for (int i = 0; i < n; ++i) {
    if (n > kShownTerms + 1 && i == kShownTerms) {
      terms << QStringLiteral("…");
      i = n - 1;
    }
    terms << QStringLiteral("(%1 × %2)").arg(number(a[size_t(i)]), number(b[size_t(i)]));
  }
  QString s = terms.join(QStringLiteral(" + "));
  if (n > kShownTerms + 1) s += tr(" (%1 terms)").arg(n);
  return s;
}

QString ComputationText::queryText(const Computation& c, int head) {
  const QString produces = quoted(c.chosen);
  if (c.classifier)
    return tr("Hop <b>r = %1</b> of %2; the classifier reads every hop together and predicts "
              "%3. A hop has no query from a decoder: its own learned vector <b>w%4</b>, row r "
              "of W%5 (%6 values), plays the query's part, and scores each token's "
              "tanh(W%7h%8).")
        .arg(head + 1)
        .arg(c.heads.size())
        .arg(produces, sub(QStringLiteral("r")), sub(QStringLiteral("s2")))
        .arg(headOf(c, head).v.size())
        .arg(sub(QStringLiteral("s1")), sub(QStringLiteral("j")));
  if (isRnn(c)) {
    const int i = outputIndex(c);
    QString s = tr("Output step <b>i = %1</b>, which produces %2. ").arg(i).arg(produces);
    if (c.attention == "bahdanau")
      s += tr("The query is the decoder state <b>q = s%1 = s%2</b>, before this step reads "
              "anything (Bahdanau).")
               .arg(sub(QStringLiteral("i−1")), sub(QString::number(i - 1)));
    else
      s += tr("The query is the decoder state <b>q = s%1 = s%2</b>, after this step's RNN read "
              "%3 (Luong%4).")
               .arg(sub(QStringLiteral("i")), sub(QString::number(i)), quoted(c.queryToken),
                    c.inputFeeding ? tr(", with input feeding") : QString());
    return s;
  }
  const int heads = int(c.heads.size());
  const int dk = int(headOf(c, head).query.size());
  QString where;
  if (c.map == MapKind::EncoderSelf)
    where = tr("Source position <b>%1</b> (%2), encoder layer %3")
                .arg(c.queryPosition + 1)
                .arg(quoted(c.queryToken))
                .arg(c.layer + 1);
  else
    where = tr("Decoder position <b>t = %1</b> (it reads %2 and produces %3), decoder layer %4")
                .arg(c.queryPosition + 1)
                .arg(quoted(c.queryToken), produces)
                .arg(c.layer + 1);
  QString x;
  if (c.map == MapKind::Cross)
    x = c.normFirst ? tr("x = LayerNorm(y + SelfAttn(LayerNorm(y))), the position after the "
                         "layer's self-attention block (pre-norm)")
                    : tr("x = LayerNorm(y + SelfAttn(y)), the position after the layer's "
                         "self-attention block");
  else
    x = c.normFirst ? tr("x = LayerNorm(the layer's input) (pre-norm)")
                    : tr("x is the layer's input at this position");
  return tr("%1, head <b>%2</b> of %3. The head's query is <b>q = W%4x + b%4</b>, its d%5 = %6 "
            "dimensions of the projection, where %7.")
      .arg(where)
      .arg(head + 1)
      .arg(heads)
      .arg(sub(QStringLiteral("q")), sub(QStringLiteral("k")))
      .arg(dk)
      .arg(x);
}

QString ComputationText::keysText(const Computation& c, int head) {
  const HeadComputation& h = headOf(c, head);
  const size_t size = h.keys.empty() ? 0 : h.keys.front().key.size();
  if (c.classifier)
    return tr("Keys and values are the bidirectional RNN's annotations <b>h%1</b>, one per "
              "token of the sentence, %2 values each (the forward and backward states side by "
              "side).")
        .arg(sub(QStringLiteral("j")))
        .arg(size);
  if (isRnn(c)) {
    const bool both = size == 2 * h.query.size();
    return tr("Keys and values are the encoder's annotations <b>h%1</b>, one per source token, "
              "%2 values each%3.")
        .arg(sub(QStringLiteral("j")))
        .arg(size)
        .arg(both ? tr(" (the forward and backward states side by side)") : QString());
  }
  const QString kv =
      tr("<b>k%1 = W%2 x%1 + b%2</b> and <b>v%1 = W%3 x%1 + b%3</b>")
          .arg(sub(QStringLiteral("j")), sub(QStringLiteral("k")), sub(QStringLiteral("v")));
  if (c.map == MapKind::Cross)
    return tr("Keys and values: %1, where x%2 is the encoder's output at source token j.")
        .arg(kv, sub(QStringLiteral("j")));
  if (c.map == MapKind::DecoderSelf)
    return tr("Keys and values: %1, from the positions up to t only: the causal mask hides the "
              "later ones, which are not decoded yet.")
        .arg(kv);
  return tr("Keys and values: %1, from every source position.").arg(kv);
}

QString ComputationText::scoreFormula(const Computation& c, int head, int key) {
  const HeadComputation& h = headOf(c, head);
  const KeyTerm& k = h.keys.at(size_t(key));
  const QString j = QString::number(key + 1);
  const QString ej = scoreSymbol(c, j), hj = QStringLiteral("h") + sub(j);
  const QString score = QStringLiteral("<b>%1</b>").arg(number(k.score));
  switch (h.formula) {
    case ScoreFormula::Dot:
      return tr("Dot score: %1 = q<sup>⊤</sup>h%2<br>%3 = %4 = %5")
          .arg(scoreSymbol(c, QStringLiteral("j")), sub(QStringLiteral("j")), ej,
               dotTerms(h.query, k.key), score);
    case ScoreFormula::General:
      return tr("General (bilinear) score: %1 = q<sup>⊤</sup>W h%2<br>W%3 = %4<br>%5 = %6 = %7")
          .arg(scoreSymbol(c, QStringLiteral("j")), sub(QStringLiteral("j")), hj,
               vector(k.projected), ej, dotTerms(h.query, k.projected), score);
    case ScoreFormula::Additive:
      return tr("Additive (MLP) score: %1 = v<sup>⊤</sup>tanh(W%2q + W%3h%4)<br>"
                "W%2q = %5, W%3%6 = %7<br>tanh(W%2q + W%3%6) = %8<br>v = %11<br>"
                "%9 = v<sup>⊤</sup>tanh(…) = %12 = %10")
          .arg(scoreSymbol(c, QStringLiteral("j")), sub(QStringLiteral("q")),
               sub(QStringLiteral("k")), sub(QStringLiteral("j")), vector(h.projectedQuery), hj,
               vector(k.projected), vector(k.hidden), ej)
          .arg(score, vector(h.v), dotTerms(h.v, k.hidden));
    case ScoreFormula::Hop:
      return tr("Hop score: %1 = w%2<sup>⊤</sup>tanh(W%3h%4)<br>W%3%5 = %6<br>tanh(W%3%5) = "
                "%7<br>w%2 = %8<br>%9 = %10 = %11")
          .arg(scoreSymbol(c, QStringLiteral("j")), sub(QStringLiteral("r")),
               sub(QStringLiteral("s1")), sub(QStringLiteral("j")), hj, vector(k.projected),
               vector(k.hidden), vector(h.v), ej)
          .arg(dotTerms(h.v, k.hidden), score);
    case ScoreFormula::ScaledDot: {
      const QString kj = QStringLiteral("k") + sub(j);
      return tr("Scaled dot-product score: %1 = q·k%2 / √d%3<br>q·%4 = %5 = %6<br>"
                "%7 = %6 / √%8 = %9")
          .arg(scoreSymbol(c, QStringLiteral("j")), sub(QStringLiteral("j")),
               sub(QStringLiteral("k")), kj, dotTerms(h.query, k.key), number(k.dot), ej)
          .arg(h.query.size())
          .arg(score);
    }
  }
  return QString();
}

QString ComputationText::softmaxFormula(const Computation& c, int head, int key) {
  const HeadComputation& h = headOf(c, head);
  const KeyTerm& k = h.keys.at(size_t(key));
  const QString j = QString::number(key + 1);
  return tr("Softmax: %1 = exp(%2 − m) / Σ%3 exp(%4 − m), with m = max %2 = %5 (subtracting m "
            "changes nothing but keeps exp from overflowing)<br>%6 = exp(%7 − %11) / %8 = %9 / %8 "
            "= <b>%10</b>")
      .arg(weightSymbol(c, QStringLiteral("j")), scoreSymbol(c, QStringLiteral("j")),
           sub(QStringLiteral("k")), scoreSymbol(c, QStringLiteral("k")), number(h.maxScore),
           weightSymbol(c, j), number(k.score), number(h.expSum), number(k.expScore))
      .arg(number(k.weight))
      .arg(h.maxScore < 0 ? QStringLiteral("(%1)").arg(number(h.maxScore)) : number(h.maxScore));
}

QString ComputationText::outputTitle(const Computation& c) {
  if (c.classifier)
    return tr("The hop's summary of the sentence m%1").arg(sub(QStringLiteral("r")));
  return isRnn(c) ? tr("The context vector c%1").arg(sub(QStringLiteral("i")))
                  : tr("The head's output");
}

QString ComputationText::outputFormula(const Computation& c, int head) {
  const HeadComputation& h = headOf(c, head);
  QStringList terms;
  const int n = int(h.keys.size());
  const QString v = c.transformer ? QStringLiteral("v") : QStringLiteral("h");
  for (int j = 0; j < n; ++j) {
    if (n > 5 && j == 4) {
      terms << QStringLiteral("…");
      j = n - 1;
    }
    terms << QStringLiteral("%1·%2%3").arg(number(h.keys[size_t(j)].weight), v,
                                           sub(QString::number(j + 1)));
  }
  const QString sum = terms.join(QStringLiteral(" + "));
  if (isRnn(c)) return tr("c%1 = Σ%2 a%3 h%2 = %4").arg(sub("i"), sub("j"), sub("ij"), sum);
  if (c.classifier)
    return tr("m%1 = Σ%2 a%3 h%2 = %4")
        .arg(sub(QString::number(head + 1)), sub("j"), sub("rj"), sum);
  return tr("head%1 = Σ%2 a%2 v%2 = %3").arg(sub(QString::number(head + 1)), sub("j"), sum);
}

QString ComputationText::projectionFormula(const Computation& c) {
  const int heads = int(c.heads.size());
  const int dk = heads ? int(c.heads.front().output.size()) : 0;
  if (c.classifier)
    return tr("M = AH: the %1 hops' summaries of %2 values each, side by side in %3 values. "
              "Each hop can read a different part of the sentence; the penalty "
              "‖AA<sup>⊤</sup> − I‖² of training pushes them apart.")
        .arg(heads)
        .arg(dk)
        .arg(c.concat.size());
  const int d = int(c.projected.size());
  const QString after =
      c.normFirst
          ? tr("The layer adds it to its input: x + MultiHead(LayerNorm(x)) (pre-norm).")
          : tr("The layer adds it to its input and normalises: LayerNorm(x + MultiHead(x)).");
  return tr("MultiHead = W%1 [head%2; …; head%3] + b%1: the %4 heads' outputs of %5 values each, "
            "concatenated into %6 values, then projected by W%1 (%6 × %6). %7")
      .arg(sub("o"), sub("1"), sub(QString::number(heads)))
      .arg(heads)
      .arg(dk)
      .arg(d)
      .arg(after);
}

QString ComputationText::readoutFormula(const Computation& c) {
  if (c.classifier)
    return tr("p(class | sentence) = softmax(W%1 ReLU(W%2 M + b%2) + b%1), M flattened (%3 "
              "values) and the MLP's hidden layer of %4<br>The classifier predicts %5, with "
              "probability <b>%6</b>.")
        .arg(sub("out"), sub("fc"))
        .arg(c.concat.size())
        .arg(c.readout.size())
        .arg(quoted(c.chosen), number(c.chosenProb));
  QString how;
  if (isRnn(c) && c.attention == "bahdanau")
    how = tr("s%1 = RNN([emb(y%2); c%1], s%2), then p(y%1 | y%3, x) = softmax(W%4 [s%1; c%1] + "
             "b%4)")
              .arg(sub("i"), sub("i−1"), sub("&lt;i"), sub("out"));
  else if (isRnn(c))
    how = tr("h̃%1 = tanh(W%2 [c%1; s%1]), then p(y%1 | y%3, x) = softmax(W%4 h̃%1 + b%4)")
              .arg(sub("i"), sub("c"), sub("&lt;i"), sub("out"));
  else
    how = tr("z%1 = the top decoder layer's output at t after the final LayerNorm (every head of "
             "every layer contributes), then p(y%2 | y%3, x) = softmax(W%4 z%1 + b%4)")
              .arg(sub("t"), sub("t+1"), sub("≤t"), sub("out"));
  return tr("%1<br>The decoder output %2, with probability <b>%3</b>.")
      .arg(how, quoted(c.chosen), number(c.chosenProb));
}

QString ComputationText::agreement(const Computation& c) {
  if (c.weightDifference < 0)
    return tr(
        "Recomputed here from the model's parameters. The trace holds no weights for this "
        "row to compare with.");
  QString s = tr("Recomputed here from the model's parameters. Largest difference from the "
                 "weights the model put in the trace: %1")
                  .arg(QString::number(c.weightDifference, 'g', 2));
  if (c.scoreDifference >= 0)
    s += tr("; from its scores: %1").arg(QString::number(c.scoreDifference, 'g', 2));
  return s + QStringLiteral(".");
}

}  // namespace attn::ui
