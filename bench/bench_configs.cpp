#include "bench_configs.h"

#include "util/random.h"

namespace attn::bench {

std::vector<BenchConfig> benchConfigs() {
  return {
      {"bahdanau",
       {{"arch", "rnn_seq2seq"},
        {"cell", "gru"},
        {"embed_dim", 64},
        {"hidden_dim", 128},
        {"bidirectional", true},
        {"attention", "bahdanau"},
        {"score", "additive"}}},
      {"luong",
       {{"arch", "rnn_seq2seq"},
        {"cell", "gru"},
        {"embed_dim", 64},
        {"hidden_dim", 128},
        {"bidirectional", false},
        {"attention", "luong"},
        {"score", "general"},
        {"input_feeding", true}}},
      {"transformer",
       {{"arch", "transformer"},
        {"d_model", 64},
        {"nhead", 4},
        {"num_encoder_layers", 2},
        {"num_decoder_layers", 2},
        {"dim_feedforward", 256}}},
      {"lin",
       {{"arch", "structured_self_attention"},
        {"cell", "lstm"},
        {"embed_dim", 64},
        {"hidden_dim", 64},
        {"attention_dim", 64},
        {"hops", 4},
        {"mlp_dim", 128},
        {"num_classes", 2}}},
  };
}

Model makeModel(const nlohmann::json& config, uint64_t seed) {
  std::vector<std::string> tokens;
  for (int64_t i = data::Vocabulary::kSpecialCount; i < kVocab; ++i)
    tokens.push_back("t" + std::to_string(i));
  std::vector<std::string> list = data::Vocabulary::specialTokens();
  list.insert(list.end(), tokens.begin(), tokens.end());
  const data::Vocabulary vocab = data::Vocabulary::fromList(list);
  const bool classifier = config.value("arch", "") == "structured_self_attention";
  return createModel(config, data::TokenizerKind::Word, vocab,
                     classifier ? data::Vocabulary() : vocab,
                     classifier ? data::LabelVocabulary::fromList({"negative", "positive"})
                                : data::LabelVocabulary(),
                     seed);
}

BenchBatch makeBatch(int64_t batch, uint64_t seed) {
  Random rng(seed);
  std::vector<std::vector<int64_t>> src, in, out;
  BenchBatch b;
  for (int64_t i = 0; i < batch; ++i) {
    std::vector<int64_t> s, y;
    for (int64_t t = 0; t + 1 < kSourceLength; ++t) s.push_back(4 + rng.below(kVocab - 4));
    s.push_back(data::Vocabulary::kEos);
    for (int64_t t = 0; t + 1 < kTargetLength; ++t) y.push_back(4 + rng.below(kVocab - 4));
    std::vector<int64_t> yin{data::Vocabulary::kSos}, yout = y;
    yin.insert(yin.end(), y.begin(), y.end());
    yout.push_back(data::Vocabulary::kEos);
    src.push_back(s);
    in.push_back(yin);
    out.push_back(yout);
    b.labels.push_back(rng.below(2));
  }
  b.src = TokenBatch::fromRows(src);
  b.tgtIn = TokenBatch::fromRows(in);
  b.tgtOut = TokenBatch::fromRows(out);
  return b;
}

}  // namespace attn::bench
