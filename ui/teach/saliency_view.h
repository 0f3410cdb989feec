// SaliencyView: which source tokens the model's output at the selected step depends on, from
// the engine's own gradients (core/explain/saliency.h): the tokens coloured by their saliency
// (gradient × input signed, blue against and red for the output token; or the gradient's norm)
// and the same numbers as a bar chart. It needs the model that made the trace: a trace opened
// from a file is explained only when the open model made it (same config and log-probs).
// Computed on a worker thread (saliency_view_runner.h), every step at once.
#pragma once

#include <QWidget>

#include <memory>
#include <vector>

#include "explain/saliency.h"

class QCPBars;
class QComboBox;
class QCustomPlot;
class QLabel;
class QStackedWidget;

namespace attn::ui {

class ModelDocument;
class SaliencyRunner;
class TokenTicker;
class TraceDocument;
struct SaliencyResult;

class SaliencyView : public QWidget {
  Q_OBJECT

 public:
  SaliencyView(TraceDocument* trace, ModelDocument* model, QWidget* parent = nullptr);
  ~SaliencyView() override;

  QComboBox* measureBox() const { return mMeasureBox; }
  QComboBox* ofBox() const { return mOfBox; }
  QLabel* headerLabel() const { return mHeader; }
  QLabel* tokensLabel() const { return mTokens; }
  QLabel* messageLabel() const { return mMessage; }
  QLabel* noteLabel() const { return mNote; }
  QCustomPlot* plot() const { return mPlot; }

  SaliencyMeasure measure() const;
  SaliencyOf of() const;
  bool isComputing() const;
  bool hasResult() const { return mResult != nullptr; }
  // The numbers on screen: the selected step's saliency per source token (empty without).
  std::vector<double> shownValues() const;
  // The bar chart's values in token order, read back from the plot.
  std::vector<double> barValues() const;
  // Computes on this thread and shows the result at once: for captures and the command line.
  void computeNow();

 signals:
  void resultShown();  // new numbers on screen (a new result, or another step or measure)

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void setUpPlot();
  void request();
  void showResult(std::shared_ptr<const SaliencyResult> result);
  void showMessage(const QString& message);
  void display();
  QString modelMissingMessage() const;

  TraceDocument* mTraceDoc;
  ModelDocument* mModelDoc;
  SaliencyRunner* mRunner;
  std::shared_ptr<const SaliencyResult> mResult;
  QStackedWidget* mStack;
  QLabel* mMessage;
  QComboBox* mMeasureBox;
  QComboBox* mOfBox;
  QLabel* mHeader;
  QLabel* mTokens;
  QLabel* mNote;
  QCustomPlot* mPlot;
  QCPBars* mPositive = nullptr;  // two series: a bar's colour says its sign
  QCPBars* mNegative = nullptr;
  TokenTicker* mTicker = nullptr;  // owned by the axis
  bool mPending = false;           // a request waits until the view is shown
};

}  // namespace attn::ui
