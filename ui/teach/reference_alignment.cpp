#include "reference_alignment.h"

#include <QCoreApplication>

#include <cmath>

#include "util/check.h"

namespace attn::ui {
namespace {

QString tr(const char* text) {
  return QCoreApplication::translate("attn::ui::AlignmentReport", text);
}

QString percent(double x) {
  return std::isnan(x) ? tr("undefined") : QString::number(x * 100, 'f', 1) + QStringLiteral("%");
}

}  // namespace

void ReferenceDocument::set(const ReferenceAlignment& reference, const QString& description) {
  reference_ = reference;
  description_ = description;
  has_ = true;
  emit changed();
}

void ReferenceDocument::clear() {
  if (!has_) return;
  reference_ = {};
  description_.clear();
  has_ = false;
  emit changed();
}

QString AlignmentReport::summary() const {
  if (!scored) return problem;
  return tr("AER %1 · precision %2 · recall %3")
      .arg(percent(score.aer), percent(score.precision), percent(score.recall));
}

QString AlignmentReport::details() const {
  if (!scored) return problem;
  return tr("Alignment error rate (Och & Ney 2003): 1 − (|A∩S| + |A∩P|) / (|A| + |S|) with "
            "%1 links read off the attention (A, each output token's strongest source token), "
            "%2 sure (S) and %3 possible (P) reference links; %4 of A are sure links, %5 possible.")
      .arg(score.hypothesis)
      .arg(score.sure)
      .arg(score.possible)
      .arg(score.sureHits)
      .arg(score.possibleHits);
}

AlignmentReport reportAlignment(const LabelledMatrix& matrix, MapKind kind,
                                const ReferenceAlignment& reference) {
  AlignmentReport r;
  if (kind != MapKind::Cross) {
    r.problem = tr("The reference alignment scores cross-attention only (output → source).");
    return r;
  }
  const int sources = typedTokenCount(matrix.colTokens);
  const int targets = typedTokenCount(matrix.rowTokens);
  try {
    checkAlignmentFits(reference, sources, targets);
    r.hypothesis =
        hypothesisFromAttention(matrix.values, matrix.rows, matrix.cols, sources, targets);
  } catch (const Error& e) {
    r.problem = tr("Reference alignment: %1").arg(QString::fromUtf8(e.what()));
    return r;
  }
  r.score = alignmentErrorRate(r.hypothesis, reference);
  r.scored = true;
  return r;
}

}  // namespace attn::ui
