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

  StepControls* controls() const { return mControls; }
  void setColourMap(ColourMap map);

  // What is on screen, for tests and captures.
  QString outputText() const;
  QString sourceText() const;
  std::vector<double> attentionBars() const;
  QStringList topTokens() const;
  std::vector<double> topProbabilities() const;
  QCustomPlot* attentionPlot() const { return mAttentionPlot; }
  QCustomPlot* topKPlot() const { return mTopKPlot; }

 private:
  void setUpAttentionPlot();
  void setUpTopKPlot();
  void refresh();

  TraceDocument* mDocument;
  ColourMap mColourMap = ColourMap::Viridis;
  StepControls* mControls;
  QLabel* mOutput;
  QLabel* mAttentionTitle;
  QLabel* mSource;
  QCustomPlot* mAttentionPlot;
  QCPBars* mAttentionBars = nullptr;
  TokenTicker* mSourceTicker = nullptr;
  QLabel* mTopKTitle;
  QCustomPlot* mTopKPlot;
  QCPBars* mTopKBars = nullptr;
  QCPBars* mChosenBar = nullptr;
  TokenTicker* mTopKTicker = nullptr;
  QLabel* mTopKNote;
  QStringList mTopTokens;
  std::vector<double> mTopProbabilities;
};

}  // namespace attn::ui
