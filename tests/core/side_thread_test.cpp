// runPair (tensor/side_thread.h): both pieces run, exceptions and grad mode cross threads, many
// callers at once are safe, the helper really takes pieces, and a decode that splits its work
// over two cores gives the same bits as one that does not.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "decode/decoder.h"
#include "decode_models.h"
#include "layers/rnn.h"
#include "tensor/random_tensor.h"
#include "tensor/side_thread.h"
#include "tensor/var.h"

namespace attn {
namespace {

TEST(SideThread, RunsBothPiecesAndReturnsWhenBothAreDone) {
  for (int i = 0; i < 200; ++i) {
    int a = 0, b = 0;
    runPair([&] { a = i + 1; }, [&] { b = 2 * i + 1; });
    ASSERT_EQ(a, i + 1);
    ASSERT_EQ(b, 2 * i + 1);
  }
}

TEST(SideThread, TheHelperTakesTheSecondPieceWhenTheFirstIsLong) {
  // The first piece sleeps long enough for the helper to wake and claim the second one.
  const long before = sideThreadRuns();
  std::thread::id second;
  for (int attempt = 0; attempt < 50 && sideThreadRuns() == before; ++attempt)
    runPair([] { std::this_thread::sleep_for(std::chrono::milliseconds(5)); },
            [&] { second = std::this_thread::get_id(); });
  EXPECT_GT(sideThreadRuns(), before);
  EXPECT_NE(second, std::this_thread::get_id());
}

TEST(SideThread, ExceptionsReachTheCallerAfterBothPiecesFinish) {
  std::atomic<bool> secondFinished{false};
  EXPECT_THROW(runPair([] { throw std::runtime_error("first"); },
                       [&] {
                         std::this_thread::sleep_for(std::chrono::milliseconds(2));
                         secondFinished = true;
                       }),
               std::runtime_error);
  EXPECT_TRUE(secondFinished);
  try {
    runPair([] {}, [] { throw std::invalid_argument("second"); });
    FAIL() << "the second piece's exception was lost";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "second");
  }
  try {  // both throw: the first piece's wins
    runPair([] { throw std::runtime_error("first"); },
            [] { throw std::invalid_argument("second"); });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "first");
  }
}

TEST(SideThread, TheSecondPieceRunsWithTheCallersGradMode) {
  for (int i = 0; i < 20; ++i) {
    bool seen = true;
    {
      NoGradGuard noGrad;
      runPair([] { std::this_thread::sleep_for(std::chrono::microseconds(200)); },
              [&] { seen = gradEnabled(); });
    }
    EXPECT_FALSE(seen);
    runPair([] { std::this_thread::sleep_for(std::chrono::microseconds(200)); },
            [&] { seen = gradEnabled(); });
    EXPECT_TRUE(seen);
  }
}

TEST(SideThread, APauseKeepsBothPiecesOnTheCaller) {
  const SideThreadPause pause;
  for (int i = 0; i < 20; ++i) {
    std::thread::id second;
    runPair([] { std::this_thread::sleep_for(std::chrono::microseconds(300)); },
            [&] { second = std::this_thread::get_id(); });
    ASSERT_EQ(second, std::this_thread::get_id());
  }
}

TEST(SideThread, ManyCallersAtOnceEachGetTheirOwnResults) {
  // One helper, four threads calling: whoever does not get the helper runs both pieces itself.
  std::vector<std::thread> callers;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    callers.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        long a = 0, b = 0;
        runPair([&] { a = t * 1000 + i; }, [&] { b = -(t * 1000 + i); });
        if (a != t * 1000 + i || b != -(t * 1000 + i)) ++wrong;
      }
    });
  for (std::thread& c : callers) c.join();
  EXPECT_EQ(wrong.load(), 0);
}

// The bench's Bahdanau model at full size, where the products are large enough to be split.
Model benchSizedBahdanau() {
  nlohmann::json c = test::rnnConfig("gru", "bahdanau", "additive", true, 1);
  c["embed_dim"] = 64;
  c["hidden_dim"] = 128;
  return test::smallModel(c, 7, 40);
}

void expectSameBits(const Trace& a, const Trace& b) {
  ASSERT_EQ(a.logProbs.size(), b.logProbs.size());
  for (size_t t = 0; t < a.logProbs.size(); ++t) ASSERT_EQ(a.logProbs[t], b.logProbs[t]) << t;
  ASSERT_EQ(a.attention.size(), b.attention.size());
  for (const auto& [name, map] : a.attention) EXPECT_EQ(map.values, b.attention.at(name).values);
  ASSERT_EQ(a.steps.size(), b.steps.size());
  for (size_t t = 0; t < a.steps.size(); ++t) {
    EXPECT_EQ(a.steps[t].query, b.steps[t].query);
    EXPECT_EQ(a.steps[t].context, b.steps[t].context);
  }
}

TEST(SideThread, ADecodeOnTwoCoresGivesTheSameBitsAsOnOne) {
  const Model model = benchSizedBahdanau();
  const std::string sentence = "a b c d e f g h a b c d e f g h a b";
  DecodeOptions options;
  options.maxSteps = 12;
  DecodeResult one;
  {
    const SideThreadPause pause;
    one = decodeGreedy(model, sentence, options);
  }
  const long before = sideThreadRuns();
  DecodeResult two;
  for (int i = 0; i < 20; ++i) {  // repeated, so that some pieces do run on the helper
    two = decodeGreedy(model, sentence, options);
    expectSameBits(one.trace, two.trace);
  }
  EXPECT_EQ(one.outputIds, two.outputIds);
  std::printf("  helper pieces over 20 decodes: %ld\n", sideThreadRuns() - before);
}

TEST(SideThread, ABidirectionalLayerGivesTheSameBitsOnTwoCoresAsWhenTraining) {
  // With grad on, the directions run in turn on one thread; without, on two.
  Random rng(3);
  const Rnn rnn(RnnConfig{RnnCell::Gru, 64, 128, 2, true, true}, rng);
  const Var x(uniformTensor(rng, Shape{1, 24, 64}, -1, 1));
  const RnnOutput trained = rnn.forward(x, {});
  for (int i = 0; i < 10; ++i) {
    NoGradGuard noGrad;
    const RnnOutput inferred = rnn.forward(x, {});
    ASSERT_EQ(inferred.output.value().shape(), trained.output.value().shape());
    EXPECT_TRUE(inferred.output.value().arr().cwiseEqual(trained.output.value().arr()).all());
    ASSERT_EQ(inferred.final.size(), trained.final.size());
    for (size_t k = 0; k < trained.final.size(); ++k)
      EXPECT_TRUE(
          inferred.final[k].h.value().arr().cwiseEqual(trained.final[k].h.value().arr()).all());
  }
}

}  // namespace
}  // namespace attn
