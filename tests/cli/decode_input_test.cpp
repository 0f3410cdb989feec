// attention-cli decode on many sentences (--input FILE or -, --trace-out) and on unknown words
// (--replace-unk, the warning past 20% unknown tokens).
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"

namespace attn::test {
namespace {

using nlohmann::json;

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class DecodeInput : public CliTest {};

TEST_F(DecodeInput, AFileDecodesAsItsLinesOneByOneWithEmptyLinesKept) {
  const std::string model = trainTinyModel();
  const std::vector<std::string> sentences = {"1 2 3", "", "4 5", "2 2 1 4", "   ", "3 1"};
  std::string file;
  for (const std::string& s : sentences) file += s + "\n";
  writeText("in.txt", file);
  for (const std::string beam : {"", " --beam 3"}) {
    const ProgramRun all =
        runCli("decode --model " + quoted(model) + beam + " --input " + quoted(path("in.txt")));
    ASSERT_EQ(all.exitCode, 0) << all.err;
    const std::vector<std::string> outputs = linesOf(all.out);
    ASSERT_EQ(outputs.size(), sentences.size()) << all.out;
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (sentences[i].find_first_not_of(' ') == std::string::npos) {
        EXPECT_EQ(outputs[i], "") << "line " << i + 1;
        continue;
      }
      const ProgramRun one =
          runCli("decode --model " + quoted(model) + beam + " " + quoted(sentences[i]));
      ASSERT_EQ(one.exitCode, 0) << one.err;
      EXPECT_EQ(outputs[i] + "\n", one.out) << "line " << i + 1 << beam;
    }
  }
}

TEST_F(DecodeInput, StandardInputAndOneTracePerLine) {
  const std::string model = trainTinyModel();
  writeText("in.txt", "1 2 3\n\n4 5\n");
  const ProgramRun fromFile =
      runCli("decode --model " + quoted(model) + " --input " + quoted(path("in.txt")) +
             " --trace-out " + quoted(path("t.jsonl")));
  ASSERT_EQ(fromFile.exitCode, 0) << fromFile.err;
  // `-` reads standard input (runProgram gives the CLI /dev/null, so a shell feeds it here).
  const ProgramRun fromStdin = runProgram(
      "/bin/sh", "-c " + quoted("'" + std::string(ATTN_CLI_PATH) + "' decode --model " +
                                quoted(model) + " --input - < " + quoted(path("in.txt"))));
  ASSERT_EQ(fromStdin.exitCode, 0) << fromStdin.err;
  EXPECT_EQ(fromStdin.out, fromFile.out);

  const std::vector<std::string> traces = linesOf(slurp(path("t.jsonl")));
  ASSERT_EQ(traces.size(), 3u);
  const std::vector<std::string> outputs = linesOf(fromFile.out);
  for (size_t i : {0u, 2u}) {
    const json trace = json::parse(traces[i]);
    std::string words;
    for (const json& t : trace["target_tokens"])
      if (t != "<eos>") words += (words.empty() ? "" : " ") + t.get<std::string>();
    EXPECT_EQ(words, outputs[i]) << traces[i];
    EXPECT_EQ(trace["source_tokens"].size(), i == 0 ? 4u : 3u);  // with <eos>
  }
  EXPECT_EQ(json::parse(traces[1]), json::object());
}

TEST_F(DecodeInput, ABadLineIsNamedAndNothingIsPrintedOrWritten) {
  const std::string model = trainTinyModel();
  writeText("in.txt", "1 2\n3 \xff 4\n");
  const ProgramRun run = runCli("decode --model " + quoted(model) + " --input " +
                                quoted(path("in.txt")) + " --trace-out " + quoted(path("t.jsonl")));
  EXPECT_EQ(run.exitCode, 1) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("in.txt:2:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("UTF-8"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(path("t.jsonl")));
  // A sentence and --input at once, or --trace-out without --input, are usage errors.
  EXPECT_EQ(
      runCli("decode --model " + quoted(model) + " --input " + quoted(path("in.txt")) + " '1 2'")
          .exitCode,
      2);
  EXPECT_EQ(runCli("decode --model " + quoted(model) + " --trace-out x.jsonl '1 2'").exitCode, 2);
  EXPECT_EQ(runCli("decode --model " + quoted(model)).exitCode, 2);
}

TEST_F(DecodeInput, MoreThanAFifthOfUnknownTokensIsWarnedAbout) {
  const std::string model = trainTinyModel();  // copy task: the digits
  const ProgramRun few = runCli("decode --model " + quoted(model) + " '1 2 3 4 zz'");
  ASSERT_EQ(few.exitCode, 0) << few.err;
  EXPECT_EQ(few.err.find("warning"), std::string::npos) << few.err;  // 1 of 5: 20%, not more
  const ProgramRun many = runCli("decode --model " + quoted(model) + " '1 2 zz yy'");
  ASSERT_EQ(many.exitCode, 0) << many.err;
  EXPECT_NE(many.err.find("warning: 2 of 4 source tokens (50%) are unknown"), std::string::npos)
      << many.err;
}

// A model that writes <unk> where its source has a number it never saw: --replace-unk puts back
// the source token of the highest attention weight of that step, read here from the trace.
TEST_F(DecodeInput, ReplaceUnkCopiesTheSourceTokenAttendedToMost) {
  std::string tsv;
  const char* en[] = {"cat", "dog", "car", "book", "bird"};
  const char* fr[] = {"chat", "chien", "voiture", "livre", "oiseau"};
  for (int i = 0; i < 400; ++i) {
    const std::string number = std::to_string(1000 + i * 7919 % 90000);  // each once: <unk>
    tsv += std::string("the ") + en[i % 5] + " " + number + " is here\tle " + fr[i % 5] + " " +
           number + " est ici\n";
  }
  writeText("numbers.tsv", tsv);
  const std::string model = path("u.safetensors");
  const ProgramRun train =
      runCli("train --data " + quoted(path("numbers.tsv")) +
             " --min-frequency 2 --arch rnn_seq2seq --embed-dim 32 --hidden-dim 32 "
             "--attention bahdanau --steps 300 --lr 0.01 --out " +
             quoted(model));
  ASSERT_EQ(train.exitCode, 0) << train.err;

  const std::string sentence = "the dog 31337 is here";
  const ProgramRun plain = runCli("decode --model " + quoted(model) + " " + quoted(sentence) +
                                  " --trace " + quoted(path("t.json")));
  ASSERT_EQ(plain.exitCode, 0) << plain.err;
  ASSERT_NE(plain.out.find("<unk>"), std::string::npos) << plain.out;
  const json trace = json::parse(slurp(path("t.json")));
  const json& cross = trace["attention"]["cross"];
  const std::vector<std::string> source = trace["source_tokens"];
  std::vector<std::string> expected;
  for (size_t q = 0; q < trace["target_tokens"].size(); ++q) {
    std::string token = trace["target_tokens"][q];
    if (token == "<eos>") break;
    if (token == "<unk>") {
      const json& row = cross[0][0][q];  // [layer][head][query][key]: one layer, one head
      size_t best = 0;
      for (size_t k = 1; k + 1 < source.size(); ++k)  // never the source's <eos>
        if (row[k].get<double>() > row[best].get<double>()) best = k;
      token = source[best];
    }
    expected.push_back(token);
  }
  std::string joined;
  for (const std::string& t : expected) joined += (joined.empty() ? "" : " ") + t;
  const ProgramRun replaced =
      runCli("decode --model " + quoted(model) + " --replace-unk " + quoted(sentence));
  ASSERT_EQ(replaced.exitCode, 0) << replaced.err;
  EXPECT_EQ(replaced.out, joined + "\n");
  EXPECT_EQ(replaced.out.find("<unk>"), std::string::npos) << replaced.out;
}

}  // namespace
}  // namespace attn::test
