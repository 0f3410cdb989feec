// The Model panel's summary: what a model was trained on reads in the order a teacher explains
// it (the task and how well it was learned, then the optimizer, then when), whatever order the
// file's JSON keeps its keys in (sorted).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "models/model.h"
#include "studio_test_support.h"
#include "views/model_summary.h"

namespace attn::ui {
namespace {

TEST(ModelSummary, TrainedOnReadsTaskThenOptimizerThenDate) {
  Model model = loadModel(attn::test::bahdanauModelPath().toStdString());
  model.training = nlohmann::json::parse(R"({
      "batch_size": 64, "clip": 1.0, "date": "2026-11-21T07:29:34Z", "lr": 0.002,
      "optimizer": "adam", "seed": 1, "steps": 10000, "task": "toy-fr",
      "validation": {"exact_match": 0.995}, "zebra": "an unknown key"})");
  const QString html = modelSummaryHtml(model, QStringLiteral("m"));
  auto at = [&](const char* text) {
    const qsizetype i = html.indexOf(QLatin1String(text));
    EXPECT_GE(i, 0) << text << " missing from " << html.toStdString();
    return i;
  };
  EXPECT_LT(at("task: toy-fr"), at("steps:"));
  EXPECT_LT(at("steps:"), at("validation:"));
  EXPECT_LT(at("validation:"), at("optimizer:"));
  EXPECT_LT(at("optimizer:"), at("lr:"));
  EXPECT_LT(at("lr:"), at("batch_size:"));
  EXPECT_LT(at("batch_size:"), at("date:"));
  EXPECT_LT(at("date:"), at("zebra:"));  // keys the order does not know come last
}

}  // namespace
}  // namespace attn::ui
