// The first screen is right: every bundled model opens on a sentence typical of its training
// data that it decodes correctly (the outputs below are worked out by hand from the tasks'
// rules), and the Model panel says what inputs the model was trained on, with examples.
#include <gtest/gtest.h>

#include <QString>

#include "documents/bundled_models.h"
#include "documents/decoding.h"
#include "models/model.h"
#include "studio_test_support.h"
#include "trace/trace.h"
#include "views/model_summary.h"

namespace attn::ui {
namespace {

struct Expected {
  const char* model;
  const char* sentence;
  std::vector<std::string> output;  // the decoded tokens without <eos>, or the class
};

std::string joined(const std::vector<std::string>& tokens, const char* separator) {
  std::string s;
  for (const std::string& t : tokens) s += (s.empty() ? "" : separator) + t;
  return s;
}

TEST(FirstSentence, EveryBundledModelDecodesItsFirstSentenceRight) {
  const std::vector<Expected> expected = {
      {"dates-bahdanau", "21 November 2026", {"2", "0", "2", "6", "-", "1", "1", "-", "2", "1"}},
      {"toyfr-luong",
       "the black cat sees the green car",
       {"le", "chat", "noir", "voit", "la", "voiture", "verte"}},
      {"toyfr-transformer",
       "the black cat sees the green car",
       {"le", "chat", "noir", "voit", "la", "voiture", "verte"}},
      // The part after "but" decides: "not funny".
      {"sentiment-lin", "the plot was good but the actors were not funny", {"negative"}},
  };
  EXPECT_EQ(findBundledModels().size(), expected.size()) << "a bundled model without a check";
  for (const Expected& e : expected) {
    const Model model = loadModel(attn::test::bundledModelPath(e.model).toStdString());
    EXPECT_EQ(exampleInputFor(model), QString::fromUtf8(e.sentence)) << e.model;
    DecodeRequest request;
    request.source = exampleInputFor(model).toStdString();
    const Trace trace = decodeToTrace(model, request);
    std::vector<std::string> output = trace.targetTokens;
    if (!output.empty() && output.back() == "<eos>") output.pop_back();
    EXPECT_EQ(joined(output, " "), joined(e.output, " ")) << e.model << " on " << e.sentence;
  }
}

TEST(FirstSentence, TheSummarySaysWhatInputsTheModelWasTrainedOn) {
  const Model dates = loadModel(attn::test::bundledModelPath("dates-bahdanau").toStdString());
  const QString html = modelSummaryHtml(dates, QStringLiteral("dates-bahdanau"));
  EXPECT_TRUE(html.contains(QStringLiteral("trained to read"))) << html.toStdString();
  EXPECT_TRUE(html.contains(QStringLiteral("between 1950 and 2049"))) << html.toStdString();
  EXPECT_TRUE(html.contains(QStringLiteral("for example:"))) << html.toStdString();
  // Three examples, each a source and its ISO date.
  EXPECT_EQ(html.count(QStringLiteral(" → ")), 3) << html.toStdString();

  const Model sentiment = loadModel(attn::test::bundledModelPath("sentiment-lin").toStdString());
  const QString s = modelSummaryHtml(sentiment, QStringLiteral("sentiment-lin"));
  EXPECT_TRUE(s.contains(QStringLiteral("→ positive")) || s.contains(QStringLiteral("→ negative")))
      << s.toStdString();
}

}  // namespace
}  // namespace attn::ui
