// The Train form as a teacher uses it in front of a class: fields named in words in both
// languages (the config key in the tooltip), the wheel scrolls the form instead of changing the
// spin box under the pointer, BLEU reads on 0–1, and a saved model is no longer called unsaved.
#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include "documents/session.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "models/model.h"
#include "panels/train_config_form.h"
#include "runners/training_worker.h"
#include "studio_test_support.h"
#include "train/metrics.h"
#include "translations/language.h"
#include "window/main_window.h"

using attn::test::eventually;
using attn::test::named;
using namespace attn;
using namespace attn::ui;

namespace {

const QString kEmbed = QStringLiteral("config_rnn_seq2seq_embed_dim");

// A wheel notch down over `target`, delivered as the window system does: to the widget under
// the pointer, then to its parents while nobody accepts it.
void wheelDownOver(QWidget* target) {
  const QPointF at(target->width() / 2.0, target->height() / 2.0);
  QWheelEvent wheel(at, target->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(target, &wheel);
}

TEST(TrainFormClassroom, FieldsAreNamedInWordsWithTheKeyInTheTooltip) {
  TrainConfigForm form;
  QLabel* label = named<QLabel>(form, kEmbed + QStringLiteral("_label"));
  ASSERT_NE(label, nullptr);
  EXPECT_EQ(label->text(), QStringLiteral("embedding size E"));
  EXPECT_TRUE(label->toolTip().contains(QStringLiteral("embed_dim")))
      << label->toolTip().toStdString();
  EXPECT_TRUE(named<QSpinBox>(form, kEmbed)->toolTip().contains(QStringLiteral("embed_dim")));
  // No label of the model's fields is a raw key.
  for (QLabel* l : form.findChildren<QLabel*>())
    if (l->objectName().startsWith(QStringLiteral("config_")))
      EXPECT_FALSE(l->text().contains(QLatin1Char('_'))) << l->text().toStdString();
}

TEST(TrainFormClassroom, FieldsAreNamedInFrenchToo) {
  ASSERT_TRUE(applyLanguage(Language::French));
  {
    TrainConfigForm form;
    QLabel* label = named<QLabel>(form, kEmbed + QStringLiteral("_label"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->text(), QStringLiteral("taille du plongement E"));
    EXPECT_TRUE(label->toolTip().contains(QStringLiteral("embed_dim")));
  }
  applyLanguage(Language::English);
}

TEST(TrainFormClassroom, TheWheelScrollsTheFormUnlessAFieldHasTheFocus) {
  QScrollArea area;
  auto* form = new TrainConfigForm;
  area.setWidget(form);
  area.setWidgetResizable(true);
  area.resize(420, 300);  // much shorter than the form
  area.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&area));
  area.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&area));
  QSpinBox* embed = named<QSpinBox>(*form, kEmbed);
  area.ensureWidgetVisible(embed);
  QScrollBar* bar = area.verticalScrollBar();
  ASSERT_GT(bar->maximum(), 0);
  bar->setValue(0);
  area.ensureWidgetVisible(embed);
  const int value = embed->value();
  const int scrolled = bar->value();
  ASSERT_LT(scrolled, bar->maximum());

  wheelDownOver(embed);
  EXPECT_EQ(embed->value(), value) << "the wheel changed a spin box it only passed over";
  EXPECT_GT(bar->value(), scrolled) << "the wheel did not scroll the form";
  EXPECT_FALSE(embed->hasFocus());

  embed->setFocus();  // clicked or tabbed into: now the wheel is its
  ASSERT_TRUE(eventually([&] { return embed->hasFocus(); }));
  const int before = bar->value();
  wheelDownOver(embed);
  EXPECT_EQ(embed->value(), value - embed->singleStep());
  EXPECT_EQ(bar->value(), before);
}

TEST(TrainFormClassroom, BleuReadsOnZeroToOne) {
  Metrics m;
  m.loss = 0.0412;
  m.exactMatch = 0.975;
  m.bleu = 0.9912;
  TrainingTick tick;
  describeValidation(m, tick);
  EXPECT_TRUE(tick.validated);
  EXPECT_EQ(tick.validationText, QStringLiteral("loss 0.041 · exact match 97.5% · BLEU 0.991"));
}

TEST(TrainFormClassroom, AfterSaveNothingSaysUnsaved) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  auto model = std::make_shared<const Model>(
      loadModel(attn::test::bundledModelPath("dates-bahdanau").toStdString()));
  QSignalSpy decoded(window.session(), &Session::decoded);
  window.session()->adoptTrainedModel(model, QStringLiteral("21 November 2026"));
  ASSERT_TRUE(eventually([&] { return decoded.count() >= 1; }));
  QLabel* note = named<QLabel>(window, "sourceNote");
  ASSERT_NE(note, nullptr);
  ASSERT_TRUE(note->toolTip().contains(QStringLiteral("unsaved"))) << note->toolTip().toStdString();
  ASSERT_TRUE(window.isWindowModified());

  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("my-dates.safetensors"));
  ASSERT_TRUE(window.session()->saveModel(path));
  EXPECT_FALSE(note->toolTip().contains(QStringLiteral("unsaved")))
      << note->toolTip().toStdString();
  EXPECT_FALSE(note->text().contains(QStringLiteral("unsaved")));
  EXPECT_TRUE(note->toolTip().startsWith(QStringLiteral("my-dates.safetensors · ")))
      << note->toolTip().toStdString();
  EXPECT_FALSE(window.isWindowModified());
  EXPECT_FALSE(window.windowTitle().contains(QStringLiteral("unsaved")));
  EXPECT_FALSE(window.statusBar()->currentMessage().contains(QStringLiteral("unsaved")));
}

}  // namespace
