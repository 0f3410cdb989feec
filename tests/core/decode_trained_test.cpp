// Decoding a model that has learnt something: a small attention model trained for a few hundred
// steps on the copy task (core/train) must copy unseen sequences under greedy and beam search,
// and its cross-attention must look where a copy looks, at the source token it is copying.
#include <gtest/gtest.h>

#include "data/encoding.h"
#include "data/tasks/task.h"
#include "decode/decoder.h"
#include "decode_checks.h"
#include "sanitizers.h"
#include "train/trainer.h"

namespace attn {
namespace {

// Trained once for the whole suite (about a second): the tests only read it.
const Model& copyModel() {
  static const Model model = [] {
    auto task = data::makeTask("copy");
    data::TaskConfig tc = task->defaultConfig();
    tc.trainSize = 3000;
    tc.validationSize = 0;
    tc.testSize = 0;
    tc.minLength = 3;
    tc.maxLength = 7;
    tc.alphabetSize = 8;
    const data::Dataset d = task->generate(tc);
    const data::Vocabularies v = data::buildVocabularies(d);
    const data::EncodedSplit examples = data::encodeExamples(d.train, v);
    nlohmann::json config = {{"arch", "rnn_seq2seq"}, {"cell", "gru"},
                             {"embed_dim", 16},       {"hidden_dim", 32},
                             {"bidirectional", true}, {"attention", "bahdanau"}};
    Model m = createModel(config, v.tokenizer, v.source, v.target, {}, 3);
    TrainConfig c;
    c.steps = 400;
    c.batchSize = 32;
    c.schedule.lr = 0.01;
    c.clip = 1.0;
    TrainResult r = train(m, examples, data::EncodedSplit{}, c);
    EXPECT_NE(r.status, RunStatus::Diverged) << r.message;
    return m;
  }();
  return model;
}

const std::vector<std::string> kUnseen = {"3 1 4 1 5", "2 7 1", "6 6 0 2 5 7", "0 1 2 3 4 5 6"};

TEST(DecodeTrained, GreedyAndBeamCopyUnseenSequences) {
  ATTN_SKIP_CONVERGENCE_UNDER_SANITIZERS();
  const Model& m = copyModel();
  int greedyRight = 0, beamRight = 0;
  for (const std::string& s : kUnseen) {
    DecodeResult g = decodeGreedy(m, s);
    greedyRight += g.output == s;
    DecodeOptions o;
    o.beamWidth = 4;
    DecodeResult b = decodeBeam(m, s, o);
    beamRight += b.output == s;
    EXPECT_GE(b.score, g.score - 1e-6) << s;  // on a trained model the beam is never worse
    EXPECT_NO_THROW(g.trace.validate());
    EXPECT_NO_THROW(b.trace.validate());
    test::expectMatchesTeacherForcedPass(m, g, /*outputIsArgmax=*/true);
  }
  EXPECT_GE(greedyRight, 3) << "of " << kUnseen.size();
  EXPECT_GE(beamRight, 3) << "of " << kUnseen.size();
}

TEST(DecodeTrained, CrossAttentionOfACopyLooksAtTheTokenBeingCopied) {
  ATTN_SKIP_CONVERGENCE_UNDER_SANITIZERS();
  const Model& m = copyModel();
  DecodeResult r = decodeGreedy(m, "3 1 4 1 5");
  ASSERT_EQ(r.output, "3 1 4 1 5");
  const AttentionMap& cross = r.trace.attention.at(MapKind::Cross);
  // Bahdanau's query is s_{i−1}: at step i the peak is on source position i, or next to it.
  int onTarget = 0;
  for (int i = 0; i < 5; ++i) {
    int peak = 0;
    for (int k = 1; k < cross.keys; ++k)
      if (cross.at(0, 0, i, k) > cross.at(0, 0, i, peak)) peak = k;
    onTarget += std::abs(peak - i) <= 1;
  }
  EXPECT_GE(onTarget, 4);
}

}  // namespace
}  // namespace attn
