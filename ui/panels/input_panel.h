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

  QLineEdit* sentenceEdit() const { return mSentence; }
  QLineEdit* targetEdit() const { return mTarget; }
  QRadioButton* greedyButton() const { return mGreedy; }
  QRadioButton* beamButton() const { return mBeam; }
  QRadioButton* forcedButton() const { return mForced; }
  QSpinBox* beamWidthBox() const { return mBeamWidth; }
  QPushButton* decodeButton() const { return mDecode; }
  QLabel* tokensLabel() const { return mTokens; }

  void setSentence(const QString& text);  // shows it without decoding
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

  ModelDocument* mDocument;
  QLineEdit* mSentence;
  QLabel* mTokens;
  QRadioButton* mGreedy;
  QRadioButton* mBeam;
  QSpinBox* mBeamWidth;
  QRadioButton* mForced;
  QLineEdit* mTarget;
  QLabel* mTargetTokens;
  QPushButton* mDecode;
  QLabel* mModeHint;
  bool mBusy = false;
};

}  // namespace attn::ui
