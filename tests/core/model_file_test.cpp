// The model file (docs/file-formats.md, Model file): round trips, and files that must be refused
// with one clear error before anything large is allocated.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "golden.h"
#include "io/safetensors.h"
#include "models/model.h"
#include "models/rnn_seq2seq.h"
#include "tensor/ops.h"
#include "util/check.h"

namespace attn {
namespace {

namespace fs = std::filesystem;

data::Vocabulary vocab(int n) {
  std::vector<std::string> list = data::Vocabulary::specialTokens();
  for (int i = 0; i < n; ++i) list.push_back("w" + std::to_string(i));
  return data::Vocabulary::fromList(list);
}

Model rnnModel(const nlohmann::json& config) {
  return createModel(config, data::TokenizerKind::Word, vocab(5), vocab(6), {}, 3);
}

// Unique per process and call: ctest runs the tests of this file in parallel processes.
std::string tempPath(const std::string& name) {
  static int counter = 0;
  return (fs::temp_directory_path() / ("attn_model_test_" + std::to_string(::getpid()) + "_" +
                                       std::to_string(counter++) + "_" + name))
      .string();
}

void expectErrorContaining(const std::function<void()>& f, const std::string& part) {
  try {
    f();
    ADD_FAILURE() << "no error; expected one containing: " << part;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

TEST(ModelFile, ParameterCountFormulaMatchesTheBuiltModel) {
  for (const char* cell : {"rnn", "gru", "lstm"})
    for (const char* attention : {"none", "bahdanau", "luong"})
      for (const char* score : {"dot", "general", "additive"})
        for (bool bidir : {false, true})
          for (int layers : {1, 2}) {
            if (std::string(score) == "dot" && bidir && std::string(attention) != "none") continue;
            nlohmann::json c = {
                {"arch", "rnn_seq2seq"},  {"cell", cell},
                {"embed_dim", 3},         {"hidden_dim", 4},
                {"num_layers", layers},   {"bidirectional", bidir},
                {"attention", attention}, {"score", score},
                {"attention_dim", 5},     {"input_feeding", std::string(attention) == "luong"}};
            Model m = rnnModel(c);
            auto rc = RnnSeq2SeqConfig::fromJson(c, 9, 10);
            EXPECT_EQ(rc.parameterCount(), m.network().parameterCount()) << c.dump();
          }
}

TEST(ModelFile, SaveThenLoadGivesTheSameModel) {
  Model m = rnnModel({{"arch", "rnn_seq2seq"},
                      {"cell", "lstm"},
                      {"embed_dim", 4},
                      {"hidden_dim", 5},
                      {"bidirectional", true},
                      {"attention", "bahdanau"}});
  m.training = {{"task", "copy"}, {"steps", 12}};
  const std::string path = tempPath("roundtrip.safetensors");
  saveModel(path, m);
  Model r = loadModel(path);
  EXPECT_EQ(r.config, m.config);
  EXPECT_EQ(r.srcVocab, m.srcVocab);
  EXPECT_EQ(r.tgtVocab, m.tgtVocab);
  EXPECT_EQ(r.training["steps"], 12);
  TokenBatch src = TokenBatch::fromRows({{4, 5, 3}});
  TokenBatch tgt = TokenBatch::fromRows({{2, 6}});
  const Tensor a = m.seq2seq->forward(src, tgt).logits.value();
  const Tensor b = r.seq2seq->forward(src, tgt).logits.value();
  EXPECT_TRUE(test::allClose(a, b, 0, 0));
  fs::remove(path);
}

// Writes a copy of a real model file with its tensors or metadata changed.
std::string variant(const std::function<void(NamedTensors&, Metadata&)>& change) {
  SafetensorsFile f = readSafetensors(test::testDataPath(
      "golden/models/model_files/seq2seq_gru_bidir_bahdanau_additive.safetensors"));
  change(f.tensors, f.metadata);
  const std::string path = tempPath("variant.safetensors");
  writeSafetensors(path, f.tensors, f.metadata);
  return path;  // left for the OS's temp cleaning: small, and named by process
}

TEST(ModelFile, AHugeConfigWithLittleDataIsRefusedBeforeAllocating) {
  const std::string path = variant([](NamedTensors&, Metadata& meta) {
    auto c = nlohmann::json::parse(meta["config"]);
    c["hidden_dim"] = 2048;
    c["num_layers"] = 8;
    meta["config"] = c.dump();
  });
  expectErrorContaining([&] { loadModel(path); }, "far more than the file holds");
}

TEST(ModelFile, MalformedModelFilesGiveOneClearError) {
  expectErrorContaining(
      [&] { loadModel(variant([](NamedTensors& t, Metadata&) { t.pop_back(); })); }, "is missing");
  expectErrorContaining(
      [&] {
        loadModel(variant([](NamedTensors& t, Metadata&) {
          t.emplace_back("decoder.extra", Tensor::zeros(Shape{2}));
        }));
      },
      "not a parameter");
  expectErrorContaining(
      [&] { loadModel(variant([](NamedTensors&, Metadata& m) { m["format"] = "other"; })); },
      "not an Attention Studio model");
  expectErrorContaining(
      [&] { loadModel(variant([](NamedTensors&, Metadata& m) { m["config"] = "{oops"; })); },
      "not valid JSON");
  expectErrorContaining(
      [&] { loadModel(variant([](NamedTensors&, Metadata& m) { m.erase("tokenizer"); })); },
      "tokenizer");
  expectErrorContaining(
      [&] {
        loadModel(variant([](NamedTensors&, Metadata& m) {
          auto c = nlohmann::json::parse(m["config"]);
          c["hidden_dim"] = -3;
          m["config"] = c.dump();
        }));
      },
      "hidden_dim");
  expectErrorContaining(
      [&] {
        loadModel(variant([](NamedTensors&, Metadata& m) {
          m["src_vocab"] = R"(["<pad>", "<unk>", "<sos>", "<eos>", "x", "x"])";
        }));
      },
      "src_vocab");
  expectErrorContaining([&] { loadModel("/nonexistent/model.safetensors"); }, "model.safetensors");
}

TEST(ModelFile, ACreateRequestOverTheLimitIsRefused) {
  expectErrorContaining(
      [&] {
        createModel({{"arch", "rnn_seq2seq"},
                     {"embed_dim", 4096},
                     {"hidden_dim", 4096},
                     {"num_layers", 16},
                     {"bidirectional", true}},
                    data::TokenizerKind::Word, vocab(5), vocab(5), {}, 1);
      },
      "more than the limit");
}

}  // namespace
}  // namespace attn
