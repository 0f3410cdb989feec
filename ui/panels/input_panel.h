// InputPanel: the sentence to decode, shown as the tokenizer cuts it (unknown words marked), and
// how to decode it: greedy, beam search of a chosen width, or forced along a given target
// (teacher-forced inspection: what would the model attend to while producing *this* output?).
#pragma once

#include <QWidget>

#include "documents/decoding_metatypes.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace attn::ui {

class ModelDocument;

class InputPanel : public QWidget {
  Q_OBJECT

 public:
  explicit InputPanel(ModelDocument* document, QWidget* parent = nullptr);

  QLineEdit* sentenceEdit() const { return sentence_; }
  QLineEdit* targetEdit() const { return target_; }
  QRadioButton* greedyButton() const { return greedy_; }
  QRadioButton* beamButton() const { return beam_; }
  QRadioButton* forcedButton() const { return forced_; }
  QSpinBox* beamWidthBox() const { return beamWidth_; }
  QPushButton* decodeButton() const { return decode_; }
  QLabel* tokensLabel() const { return tokens_; }
  // Shown when more than jobs::kUnknownWarningShare of the sentence's tokens are unknown to the
  // model (the same bound as the CLI's warning).
  QLabel* unknownWarning() const { return unknownWarning_; }

  void setSentence(const QString& text);  // shows it without decoding
  // The mode and width of a decode that ran, so that the controls say what is on screen (a
  // model opened with its example decodes without the Decode button).
  void showRequest(const DecodeRequest& request);
  // The width without choosing beam search (as a change by the user does).
  void setBeamWidth(int width);
  DecodeRequest request() const;
  void setBusy(bool busy);

 signals:
  void decodeRequested(const attn::ui::DecodeRequest& request);
  void cancelRequested();  // the Decode button reads "Cancel" while a decode runs

 public:
  void requestDecode();  // as the Decode button does

 private:
  void refreshTokens();
  void refreshMode();

  ModelDocument* document_;
  QLineEdit* sentence_;
  QLabel* tokens_;
  QLabel* unknownWarning_;
  QRadioButton* greedy_;
  QRadioButton* beam_;
  QSpinBox* beamWidth_;
  QRadioButton* forced_;
  QLineEdit* target_;
  QLabel* targetTokens_;
  QPushButton* decode_;
  QLabel* modeHint_;
  bool busy_ = false;
};

}  // namespace attn::ui
