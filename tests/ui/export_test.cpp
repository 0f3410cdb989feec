// Everything on screen can be kept: the figure as PNG and PDF, the matrix as CSV, the trace as
// JSON that opens again; and the app opens traces computed elsewhere.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "documents/session.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "qt_printers.h"
#include "studio_test_support.h"
#include "trace/trace_json.h"
#include "views/heatmap_view.h"
#include "window/main_window.h"
#include "window/trace_files.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;
using attn::test::eventually;

namespace {

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir.isValid());
    window.resize(1100, 750);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy decoded(window.session(), &Session::decoded);
    ASSERT_TRUE(window.session()->openModel(attn::test::bahdanauModelPath()));
    ASSERT_TRUE(eventually([&] { return decoded.count() >= 1; }));
  }
  QString path(const QString& name) const { return dir.filePath(name); }
  const Trace& trace() const { return *window.session()->traceDocument()->trace(); }

  QTemporaryDir dir;
  MainWindow window;
};

}  // namespace

TEST_F(ExportTest, FigureAsPngIsNonEmptyAndNotOneColour) {
  ASSERT_TRUE(window.exportFigureTo(path(QStringLiteral("map.png"))));
  const QImage image(path(QStringLiteral("map.png")));
  ASSERT_FALSE(image.isNull());
  EXPECT_GT(image.width(), 100);
  EXPECT_GT(attn::test::distinctColours(image), 8u);
}

TEST_F(ExportTest, FigureAsPdfIsAPdfDocument) {
  ASSERT_TRUE(window.exportFigureTo(path(QStringLiteral("map.pdf"))));
  QFile file(path(QStringLiteral("map.pdf")));
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  EXPECT_TRUE(file.read(5) == "%PDF-");
  EXPECT_GT(file.size(), 1000);
}

TEST_F(ExportTest, EveryTabExportsAPicture) {
  for (int i = 0; i < named<QTabWidget>(window, "centralTabs")->count(); ++i) {
    if (!named<QTabWidget>(window, "centralTabs")->isTabEnabled(i)) continue;
    named<QTabWidget>(window, "centralTabs")->setCurrentIndex(i);
    const QString file = path(QStringLiteral("tab%1.png").arg(i));
    ASSERT_TRUE(window.exportFigureTo(file)) << i;
    EXPECT_FALSE(QImage(file).isNull()) << i;
  }
}

TEST_F(ExportTest, MatrixAsCsvHoldsTheTokensAndTheWeights) {
  ASSERT_TRUE(window.exportCsvTo(path(QStringLiteral("map.csv"))));
  QFile file(path(QStringLiteral("map.csv")));
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QStringList lines =
      QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  const AttentionMap& cross = trace().attention.at(MapKind::Cross);
  ASSERT_EQ(lines.size(), cross.queries + 1);
  // The model's example sentence: the first words of its vocabulary.
  EXPECT_EQ(lines[0], QStringLiteral("output tokens,le,chat,noir,dort,un,<eos>"));
  const QStringList first = lines[1].split(QLatin1Char(','));
  ASSERT_EQ(first.size(), cross.keys + 1);
  EXPECT_EQ(first[0].toStdString(), trace().targetTokens[0]);
  for (int k = 0; k < cross.keys; ++k)
    EXPECT_NEAR(first[k + 1].toDouble(), cross.at(0, 0, 0, k), 1e-6);
}

TEST_F(ExportTest, CsvQuotesTokensThatHoldCommasOrQuotes) {
  MatrixSnapshot m;
  m.rows = 1;
  m.cols = 2;
  m.values = {0.25f, 0.75f};
  m.rowLabels = {QStringLiteral("say \"hi\"")};
  m.colLabels = {QStringLiteral(","), QStringLiteral("x")};
  m.rowTitle = QStringLiteral("out");
  EXPECT_EQ(matrixCsv(m), QStringLiteral("out,\",\",x\r\n\"say \"\"hi\"\"\",0.25,0.75\r\n"));
}

TEST_F(ExportTest, TraceAsJsonOpensAgainWithTheSameNumbers) {
  const Trace before = trace();
  const QString file = path(QStringLiteral("trace.json"));
  ASSERT_TRUE(window.saveTraceTo(file));
  const Trace reread = readTraceFile(file.toStdString());
  EXPECT_EQ(reread.sourceTokens, before.sourceTokens);
  EXPECT_EQ(reread.targetTokens, before.targetTokens);
  EXPECT_EQ(reread.attention.at(MapKind::Cross).values, before.attention.at(MapKind::Cross).values);

  // And the app is a viewer: open it back, the heatmap holds it.
  window.session()->showExample();
  ASSERT_TRUE(window.session()->openTrace(file));
  EXPECT_TRUE(window.session()->traceDocument()->origin().contains(QStringLiteral("trace.json")));
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->rows(),
            before.attention.at(MapKind::Cross).queries);
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->value(0, 0),
            double(before.attention.at(MapKind::Cross).at(0, 0, 0, 0)));
}

TEST_F(ExportTest, ATraceFromElsewhereWithoutProbabilitiesOpens) {
  const QString file = path(QStringLiteral("elsewhere.json"));
  QFile out(file);
  ASSERT_TRUE(out.open(QIODevice::WriteOnly));
  out.write(R"({"format": "attention-studio.trace/1",
               "source_tokens": ["a", "b"], "target_tokens": ["x", "y", "z"],
               "attention": {"cross": [[[[0.5, 0.5], [0.9, 0.1], [0.2, 0.8]]]]}})");
  out.close();
  ASSERT_TRUE(window.session()->openTrace(file));
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->rows(), 3);
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->cols(), 2);
  EXPECT_FLOAT_EQ(float(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->value(1, 0)),
                  0.9f);
}

TEST_F(ExportTest, ExportIntoAMissingFolderFailsWithoutWritingAnything) {
  EXPECT_FALSE(window.exportFigureTo(QStringLiteral("/no/such/folder/map.png")));
  EXPECT_FALSE(window.exportCsvTo(QStringLiteral("/no/such/folder/map.csv")));
  EXPECT_FALSE(QFile::exists(QStringLiteral("/no/such/folder/map.png")));
}
