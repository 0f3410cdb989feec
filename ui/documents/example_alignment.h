// A hand-made example alignment, shown before any model is loaded and labelled as such.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace attn {
struct Trace;
}

namespace attn::ui {

struct ExampleMatrix {
  int rows = 0;
  int cols = 0;
  std::vector<float> values;  // row-major, each row sums to 1 like a softmax output
  QStringList rowLabels;      // output tokens
  QStringList colLabels;      // source tokens
  QString title;              // says plainly that this is an illustration, not a model's output
};

// English to French, with the reordering of "European Economic Area" into "zone économique
// européenne" that made this sentence the classic picture of learned alignment. The weights are
// typed in by hand to show what such a picture looks like; no model produced them.
ExampleMatrix exampleAlignment();

// The same alignment as a trace with one cross-attention map, so that every view (steps, bars,
// highlighted text) can show it before a model is loaded. It has no probabilities.
Trace exampleTrace();

}  // namespace attn::ui
