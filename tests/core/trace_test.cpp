// The trace file (docs/file-formats.md, Trace file): round trip, validation of untrusted files, CSV
// export, and atomic writes that never damage an existing file.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "trace/trace_json.h"
#include "util/atomic_file.h"
#include "util/check.h"

namespace attn {
namespace {

namespace fs = std::filesystem;

Trace smallTrace() {
  Trace t;
  t.sourceTokens = {"le", "chat", "<eos>"};
  t.targetTokens = {"the", "cat", "<eos>"};
  AttentionMap m(1, 1, 3, 3);
  const float rows[3][3] = {{0.8f, 0.15f, 0.05f}, {0.1f, 0.85f, 0.05f}, {0.0f, 0.1f, 0.9f}};
  for (int q = 0; q < 3; ++q)
    for (int k = 0; k < 3; ++k) m.at(0, 0, q, k) = rows[q][k];
  t.attention[MapKind::Cross] = m;
  t.logProbs = {{-0.1f, -2.3f}, {-0.2f, -1.7f}, {-0.05f, -3.0f}};
  TraceStep s;
  s.topK = {{"the", 0.9f}, {"a", 0.05f}};
  s.scores[MapKind::Cross] = {1.0f, -0.5f, -1.8f};
  s.context = {0.25f, -0.5f};
  t.steps = {s, s, s};
  t.model = {{"arch", "rnn_seq2seq"}};
  return t;
}

// Named by process: ctest runs tests in parallel processes.
std::string tempPath(const std::string& name) {
  return (fs::temp_directory_path() /
          ("attn_trace_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

void writeText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(Trace, JsonRoundTripKeepsEveryField) {
  const Trace t = smallTrace();
  const std::string path = tempPath("roundtrip.json");
  writeTraceFile(path, t);
  const Trace r = readTraceFile(path);
  EXPECT_EQ(r.sourceTokens, t.sourceTokens);
  EXPECT_EQ(r.targetTokens, t.targetTokens);
  EXPECT_EQ(r.attention.at(MapKind::Cross).values, t.attention.at(MapKind::Cross).values);
  EXPECT_EQ(r.logProbs, t.logProbs);
  ASSERT_EQ(r.steps.size(), 3u);
  EXPECT_EQ(r.steps[1].topK[0].token, "the");
  EXPECT_FLOAT_EQ(r.steps[1].topK[0].prob, 0.9f);
  EXPECT_EQ(r.steps[1].scores.at(MapKind::Cross), t.steps[1].scores.at(MapKind::Cross));
  EXPECT_EQ(r.steps[1].context, t.steps[1].context);
  EXPECT_EQ(r.model["arch"], "rnn_seq2seq");
  fs::remove(path);
}

TEST(Trace, WrittenJsonFollowsTheDocumentedLayout) {
  const nlohmann::json j = traceToJson(smallTrace());
  EXPECT_EQ(j["format"], "attention-studio.trace/1");
  // name -> [layer][head][query][key]
  EXPECT_FLOAT_EQ(j["attention"]["cross"][0][0][1][1].get<float>(), 0.85f);
  EXPECT_EQ(j["source_tokens"][1], "chat");
}

TEST(Trace, BeamTreeRoundTrips) {
  Trace t = smallTrace();
  t.beamWidth = 2;
  t.beamLengthPenalty = 0.6;
  t.beam = {{0, -1, 0, "the", -0.1f, -0.1f, false, true},
            {1, 0, 1, "cat", -0.2f, -0.3f, true, true}};
  nlohmann::json j = traceToJson(t);
  const Trace r = traceFromJson(j, "test");
  ASSERT_EQ(r.beam.size(), 2u);
  EXPECT_EQ(r.beamWidth, 2);
  EXPECT_EQ(r.beamLengthPenalty, 0.6);
  j["beam"].erase("length_penalty");  // a file from before α was recorded: the default, 1
  EXPECT_EQ(traceFromJson(j, "test").beamLengthPenalty, 1.0);
  j["beam"]["length_penalty"] = -1;
  EXPECT_THROW(traceFromJson(j, "test"), Error);
  EXPECT_EQ(r.beam[1].parent, 0);
  EXPECT_TRUE(r.beam[1].finished);
  EXPECT_FLOAT_EQ(r.beam[1].score, -0.3f);
}

TEST(Trace, ImportedTraceWithoutModelOrExtrasIsAccepted) {
  const auto j = nlohmann::json::parse(R"({"format": "attention-studio.trace/1",
    "source_tokens": ["a", "b"], "target_tokens": ["x"],
    "attention": {"cross": [[[[0.25, 0.75]]]]}})");
  const Trace t = traceFromJson(j, "imported");
  EXPECT_TRUE(t.model.is_null());
  EXPECT_FLOAT_EQ(t.attention.at(MapKind::Cross).at(0, 0, 0, 1), 0.75f);
}

void expectRejected(const std::string& text, const std::string& expectedInMessage) {
  const std::string path = tempPath("bad.json");
  writeText(path, text);
  try {
    readTraceFile(path);
    ADD_FAILURE() << "accepted: " << text;
  } catch (const Error& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find(path), std::string::npos) << msg;
    EXPECT_NE(msg.find(expectedInMessage), std::string::npos) << msg;
  }
  fs::remove(path);
}

TEST(Trace, MalformedFilesGiveOneClearError) {
  const std::string head = R"({"format": "attention-studio.trace/1", "source_tokens": ["a","b"],
                                 "target_tokens": ["x"],)";
  expectRejected("{not json", "not valid JSON");
  expectRejected("[1, 2]", "JSON object");
  expectRejected(R"({"format": "other", "source_tokens": [], "attention": {}})", "format");
  expectRejected(head + R"("attention": {"cross": [[[[0.5, 0.6]]]]}})", "sums to");
  expectRejected(R"({"format": "attention-studio.trace/1", "source_tokens": ["a","b"],
                     "target_tokens": ["x", "y"], "attention": {"cross": [[[[0.5, 0.5], [1.0]]]]}})",
                 "attention.cross[0][0][1] has 1 key where attention.cross[0][0][0] has 2");
  expectRejected(head + R"("attention": {"cross": [[[[-0.5, 1.5]]]]}})", "negative");
  expectRejected(head + R"("attention": {"cross": [[[["x", 1]]]]}})", "must be a number");
  expectRejected(head + R"("attention": {"cross": []}})", "no layer");
  expectRejected(head + R"("attention": 3})", "attention");
  expectRejected(R"({"format": "attention-studio.trace/1", "source_tokens": [1], "attention": {}})",
                 "only strings");
}

TEST(Trace, MissingFileIsAClearError) {
  try {
    readTraceFile("/nonexistent/trace.json");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("no such file"), std::string::npos);
  }
}

TEST(Trace, CsvHasTokensAsHeadersAndQuotesSpecialOnes) {
  Trace t = smallTrace();
  t.sourceTokens[1] = "a,b";
  const std::string csv = attentionCsv(t, MapKind::Cross, 0, 0);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "query,le,\"a,b\",<eos>");
  EXPECT_NE(csv.find("\ncat,0.1,0.85,0.05\n"), std::string::npos) << csv;
  EXPECT_THROW(attentionCsv(t, MapKind::EncoderSelf, 0, 0), Error);
  EXPECT_THROW(attentionCsv(t, MapKind::Cross, 1, 0), Error);
}

TEST(Trace, CsvLabelsDecoderSelfAttentionWithTheDecoderInputs) {
  // Step t of the decoder attends over <sos>, y1 … yt: the inputs, one position behind the outputs.
  Trace t = smallTrace();
  AttentionMap m(1, 1, 3, 3);
  m.at(0, 0, 0, 0) = 1;
  m.at(0, 0, 1, 0) = 0.5f;
  m.at(0, 0, 1, 1) = 0.5f;
  for (int k = 0; k < 3; ++k) m.at(0, 0, 2, k) = 1.0f / 3;
  t.attention[MapKind::DecoderSelf] = m;
  const std::string csv = attentionCsv(t, MapKind::DecoderSelf, 0, 0);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "query,<sos>,the,cat");
  EXPECT_NE(csv.find("\n<sos>,1,0,0\n"), std::string::npos) << csv;
}

TEST(AtomicFile, FailedWriteLeavesExistingFileUntouched) {
  const std::string path = tempPath("keep.txt");
  writeText(path, "precious");
  EXPECT_THROW(writeFileAtomically(path,
                                   [](std::ostream& out) {
                                     out << "half";
                                     throw Error("cancelled");
                                   }),
               Error);
  EXPECT_EQ(readWholeFile(path, 100), "precious");
  // and no temporary file is left beside it
  int leftovers = 0;
  for (auto& e : fs::directory_iterator(fs::temp_directory_path()))
    if (e.path().filename().string().find("." + fs::path(path).filename().string() + ".tmp") == 0)
      ++leftovers;
  EXPECT_EQ(leftovers, 0);
  fs::remove(path);
}

TEST(AtomicFile, SuccessfulWriteReplacesTheFileWhole) {
  const std::string path = tempPath("replace.txt");
  writeText(path, "an older and longer content");
  writeFileAtomically(path, std::string("new"));
  EXPECT_EQ(readWholeFile(path, 100), "new");  // replaced, not overwritten in place
  int leftovers = 0;
  for (auto& e : fs::directory_iterator(fs::temp_directory_path()))
    if (e.path().filename().string().find("." + fs::path(path).filename().string() + ".tmp") == 0)
      ++leftovers;
  EXPECT_EQ(leftovers, 0);
  fs::remove(path);
}

TEST(AtomicFile, WriteIntoMissingFolderNamesThePath) {
  try {
    writeFileAtomically("/nonexistent-dir/x.json", std::string("x"));
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/x.json"), std::string::npos);
  }
}

TEST(AtomicFile, ReadRefusesFilesOverTheLimit) {
  const std::string path = tempPath("big.txt");
  writeText(path, std::string(100, 'x'));
  EXPECT_THROW(readWholeFile(path, 99), Error);
  EXPECT_EQ(readWholeFile(path, 100).size(), 100u);
  fs::remove(path);
}

}  // namespace
}  // namespace attn
