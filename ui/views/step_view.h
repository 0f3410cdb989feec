// StepView: one decoding step taken apart. The output so far, this step's attention over the
// source as highlighted text and as a bar chart, and the most probable next tokens with the one
// that was chosen. It follows the document's step; the heatmap marks the same row.
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

#include "views/colour_maps.h"

class QCPBars;
class QCustomPlot;
class QLabel;

namespace attn::ui {

class Settings;
class StepControls;
class TokenTicker;
class TraceDocument;

class StepView : public QWidget {
  Q_OBJECT

 public:
  explicit StepView(TraceDocument* document, const Settings* settings = nullptr,
                    QWidget* parent = nullptr);
  ~StepView() override;

  StepControls* controls() const { return controls_; }
  void setColourMap(ColourMap map);

  // What is on screen, for tests and captures.
  QString outputText() const;
  QString replacementText() const;  // which <unk>s were replaced, empty when none
  QString sourceText() const;
  std::vector<double> attentionBars() const;
  QStringList topTokens() const;
  std::vector<double> topProbabilities() const;
  QCustomPlot* attentionPlot() const { return attentionPlot_; }
  QCustomPlot* topKPlot() const { return topKPlot_; }

 private:
  void setUpAttentionPlot();
  void setUpTopKPlot();
  void refresh();
  void refreshReplacements();

  TraceDocument* document_;
  ColourMap colourMap_ = ColourMap::Viridis;
  StepControls* controls_;
  QLabel* output_;
  QLabel* replaced_;  // Decode ▸ Replace unknown words: what was copied in, and from where
  QLabel* attentionTitle_;
  QLabel* source_;
  QCustomPlot* attentionPlot_;
  QCPBars* attentionBars_ = nullptr;
  TokenTicker* sourceTicker_ = nullptr;
  QLabel* topKTitle_;
  QCustomPlot* topKPlot_;
  QCPBars* topKBars_ = nullptr;
  QCPBars* chosenBar_ = nullptr;
  TokenTicker* topKTicker_ = nullptr;
  QLabel* topKNote_;
  QStringList topTokens_;
  std::vector<double> topProbabilities_;
};

}  // namespace attn::ui
