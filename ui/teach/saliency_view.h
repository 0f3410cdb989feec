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

  QComboBox* measureBox() const { return measureBox_; }
  QComboBox* ofBox() const { return ofBox_; }
  QLabel* headerLabel() const { return header_; }
  QLabel* tokensLabel() const { return tokens_; }
  QLabel* messageLabel() const { return message_; }
  QLabel* noteLabel() const { return note_; }
  QCustomPlot* plot() const { return plot_; }

  SaliencyMeasure measure() const;
  SaliencyOf of() const;
  bool isComputing() const;
  bool hasResult() const { return result_ != nullptr; }
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

  TraceDocument* traceDoc_;
  ModelDocument* modelDoc_;
  SaliencyRunner* runner_;
  std::shared_ptr<const SaliencyResult> result_;
  QStackedWidget* stack_;
  QLabel* message_;
  QComboBox* measureBox_;
  QComboBox* ofBox_;
  QLabel* header_;
  QLabel* tokens_;
  QLabel* note_;
  QCustomPlot* plot_;
  QCPBars* positive_ = nullptr;  // two series: a bar's colour says its sign
  QCPBars* negative_ = nullptr;
  TokenTicker* ticker_ = nullptr;  // owned by the axis
  bool pending_ = false;           // a request waits until the view is shown
};

}  // namespace attn::ui
