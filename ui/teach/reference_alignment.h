// The reference alignment people gave (a line of a Pharaoh/Moses file, or typed), shared by every
// view that scores attention against it, and the one function that scores a map: AER, precision
// and recall (core/explain/alignment_error.h) with a sentence a person can read.
#pragma once

#include <QObject>
#include <QString>

#include "explain/alignment_error.h"
#include "explain/compare.h"

namespace attn::ui {

class ReferenceDocument : public QObject {
  Q_OBJECT

 public:
  using QObject::QObject;

  bool hasReference() const { return has_; }
  const ReferenceAlignment& reference() const { return reference_; }
  QString description() const { return description_; }  // "gold.align, line 3", "typed"
  QString text() const { return QString::fromStdString(formatAlignment(reference_)); }

  void set(const ReferenceAlignment& reference, const QString& description);
  void clear();

 signals:
  void changed();

 private:
  ReferenceAlignment reference_;
  QString description_;
  bool has_ = false;
};

// How a map scores against a reference. `scored` is false when the map is not cross-attention
// (the only one whose rows are target and columns source tokens) or the reference does not fit
// its sentence; `problem` then says so.
struct AlignmentReport {
  bool scored = false;
  QString problem;
  AlignmentScore score;
  AlignmentLinks hypothesis;
  QString summary() const;  // "AER 12.5% · precision 90% · recall 80%"
  QString details() const;  // the counts behind it, for a tooltip
};

AlignmentReport reportAlignment(const LabelledMatrix& matrix, MapKind kind,
                                const ReferenceAlignment& reference);

}  // namespace attn::ui
