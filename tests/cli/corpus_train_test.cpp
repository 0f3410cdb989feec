// attention-cli train on corpora as people bring them: a Tatoeba/Anki file of three columns, a
// column choice, parallel text files, a header line, length and duplicate filters, the four
// tokenizers, and bad lines reported with the file, the line and what to do.
#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "models/model.h"
#include "sentence_pairs.h"

namespace attn::test {
namespace {

using nlohmann::json;

constexpr const char* kSmallArch = "--arch rnn_seq2seq --embed-dim 16 --hidden-dim 16";
constexpr const char* kAttribution = "CC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM)";

class CorpusTrain : public CliTest {
 protected:
  // The pairs as a Tatoeba/Anki export: English, French, attribution.
  void writeAnkiFile(const std::string& name, const std::string& header = "") const {
    std::string text = header;
    for (const SentencePair& p : englishFrenchPairs())
      text += p.english + "\t" + p.french + "\t" + kAttribution + "\n";
    writeText(name, text);
  }
  ProgramRun train(const std::string& data, const std::string& extra = "") const {
    return runCli("train " + data + " " + kSmallArch + " --steps 4 --out " +
                  quoted(path("m.safetensors")) + " " + extra);
  }
};

TEST_F(CorpusTrain, AnkiFileWithThreeColumnsTrainsAsItIs) {
  writeAnkiFile("fra.txt");
  const ProgramRun run = train("--data " + quoted(path("fra.txt")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Model model = loadModel(path("m.safetensors"));
  // Columns 1 and 2: English words in the source vocabulary, French in the target, and no word
  // of the attribution anywhere.
  EXPECT_TRUE(model.srcVocab.contains("horse."));
  EXPECT_TRUE(model.tgtVocab.contains("cheval."));
  EXPECT_FALSE(model.srcVocab.contains("CC-BY"));
  EXPECT_FALSE(model.tgtVocab.contains("CC-BY"));
  // 288 pairs, 10% validation and 10% test of the distinct sources (29 each): 230 to train on.
  EXPECT_NE(run.err.find("on fra: 230 train and 29 validation examples"), std::string::npos)
      << run.err;
}

TEST_F(CorpusTrain, ColumnsChooseAnyTwoInEitherOrderAndAreRecorded) {
  writeAnkiFile("fra.txt");
  const ProgramRun run = train("--data " + quoted(path("fra.txt")) + " --columns 2,1");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Model model = loadModel(path("m.safetensors"));
  EXPECT_TRUE(model.srcVocab.contains("cheval."));  // French is now the source
  EXPECT_TRUE(model.tgtVocab.contains("horse."));
  EXPECT_EQ(model.training["data_config"]["columns"], json::array({2, 1}));
  // eval reads the file again with the recorded columns: the French sources are known.
  const ProgramRun eval = runCli("eval --model " + quoted(path("m.safetensors")));
  ASSERT_EQ(eval.exitCode, 0) << eval.err;
  EXPECT_EQ(json::parse(eval.out)["unknown_tokens"], 0.0) << eval.out;
}

TEST_F(CorpusTrain, AColumnPastTheLineIsOneMessageWithFileLineAndWhatToDo) {
  writeAnkiFile("fra.txt");
  const ProgramRun run = train("--data " + quoted(path("fra.txt")) + " --columns 1,4");
  EXPECT_EQ(run.exitCode, 1) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
  EXPECT_NE(run.err.find("fra.txt:1: the line has 3 columns, but the target is in column 4"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("choose other columns with --columns"), std::string::npos) << run.err;
  for (const char* bad : {"1", "1,1", "0,2", "a,b"}) {
    const ProgramRun usage =
        train("--data " + quoted(path("fra.txt")) + " --columns " + quoted(bad));
    EXPECT_EQ(usage.exitCode, 2) << bad << ": " << usage.err;
    EXPECT_NE(usage.err.find("--columns"), std::string::npos) << usage.err;
  }
}

TEST_F(CorpusTrain, AHeaderLineIsWarnedAboutAndSkipHeaderLeavesItOut) {
  writeAnkiFile("fra.txt", "English\tFrench\tAttribution\n");
  const ProgramRun warned = train("--data " + quoted(path("fra.txt")));
  ASSERT_EQ(warned.exitCode, 0) << warned.err;
  EXPECT_NE(warned.err.find("warning: " + path("fra.txt") +
                            ":1: the first line looks like a header (\"English\", \"French\")"),
            std::string::npos)
      << warned.err;
  EXPECT_NE(warned.err.find("--skip-header"), std::string::npos) << warned.err;
  // Read as an example: 289 of them, 231 to train on.
  EXPECT_NE(warned.err.find("on fra: 231 train and 29 validation"), std::string::npos)
      << warned.err;

  const ProgramRun skipped = train("--data " + quoted(path("fra.txt")) + " --skip-header");
  ASSERT_EQ(skipped.exitCode, 0) << skipped.err;
  EXPECT_EQ(skipped.err.find("header"), std::string::npos) << skipped.err;
  EXPECT_NE(skipped.err.find("on fra: 230 train and 29 validation"), std::string::npos)
      << skipped.err;
}

TEST_F(CorpusTrain, ParallelFilesPairLineByLineAndMismatchedCountsNameBoth) {
  std::string en, fr;
  for (const SentencePair& p : englishFrenchPairs()) {
    en += p.english + "\n";
    fr += p.french + "\n";
  }
  writeText("x.en", en);
  writeText("x.fr", fr);
  const ProgramRun run =
      train("--source-file " + quoted(path("x.en")) + " --target-file " + quoted(path("x.fr")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Model model = loadModel(path("m.safetensors"));
  EXPECT_TRUE(model.srcVocab.contains("horse."));
  EXPECT_TRUE(model.tgtVocab.contains("cheval."));
  EXPECT_EQ(model.training["data"], path("x.en"));
  EXPECT_EQ(model.training["data_config"]["target_data"], path("x.fr"));
  const ProgramRun eval = runCli("eval --model " + quoted(path("m.safetensors")));
  ASSERT_EQ(eval.exitCode, 0) << eval.err;
  EXPECT_EQ(json::parse(eval.out)["examples"], 29) << eval.out;  // the held-out test split

  writeText("short.fr", "Je vois le chat.\nTu vois le chat.\n");
  const ProgramRun mismatch =
      train("--source-file " + quoted(path("x.en")) + " --target-file " + quoted(path("short.fr")));
  EXPECT_EQ(mismatch.exitCode, 1) << mismatch.err;
  EXPECT_EQ(lineCount(mismatch.err), 1) << mismatch.err;
  EXPECT_NE(mismatch.err.find("has 288"), std::string::npos) << mismatch.err;
  EXPECT_NE(mismatch.err.find("has 2"), std::string::npos) << mismatch.err;
  // Half a pair of files is a command-line mistake.
  EXPECT_EQ(runCli("train --source-file " + quoted(path("x.en")) + " " + kSmallArch +
                   " --steps 1 --out " + quoted(path("n.safetensors")))
                .exitCode,
            2);
}

TEST_F(CorpusTrain, LatinOneLineSaysSaveAsUtf8WithFileAndLine) {
  writeText("latin1.tsv", "Go.\tVa !\nCome here.\tVenez ici\xe9.\n");
  const ProgramRun run = train("--data " + quoted(path("latin1.tsv")));
  EXPECT_EQ(run.exitCode, 1) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
  EXPECT_NE(run.err.find("latin1.tsv:2:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("UTF-8"), std::string::npos) << run.err;
}

TEST_F(CorpusTrain, CrlfAndBomAreReadAsPlainLines) {
  std::string text = "\xEF\xBB\xBF";
  for (const SentencePair& p : englishFrenchPairs()) text += p.english + "\t" + p.french + "\r\n";
  writeText("windows.tsv", text);
  const ProgramRun run = train("--data " + quoted(path("windows.tsv")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Model model = loadModel(path("m.safetensors"));
  EXPECT_TRUE(model.srcVocab.contains("I"));  // no BOM glued to the first word
  EXPECT_TRUE(model.tgtVocab.contains("chat."));
  EXPECT_FALSE(model.tgtVocab.contains("chat.\r"));
}

TEST_F(CorpusTrain, DedupAndLengthBoundsLeaveOutWhatTheySayAndAreRecorded) {
  // Every pair twice, and 12 long ones: "We see the cat and the dog." (8 words).
  std::string text;
  for (const SentencePair& p : englishFrenchPairs())
    text += p.english + "\t" + p.french + "\n" + p.english + "\t" + p.french + "\n";
  for (int i = 0; i < 12; ++i)
    text += "We see the cat and the dog " + std::to_string(i) +
            ".\tNous voyons le chat et le chien " + std::to_string(i) + ".\n";
  writeText("dup.tsv", text);
  const ProgramRun run =
      train("--data " + quoted(path("dup.tsv")) + " --dedup --max-source-length 4");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  // 588 lines: 288 duplicates go first; then of the 300 left, the 12 long ones (word tokens).
  EXPECT_NE(run.err.find("kept 288 of 588 examples: left out 12 with a source too long, 288 "
                         "duplicates"),
            std::string::npos)
      << run.err;
  const Model model = loadModel(path("m.safetensors"));
  EXPECT_EQ(model.training["data_config"]["dedup"], true);
  EXPECT_EQ(model.training["data_config"]["max_source_tokens"], 4);
  EXPECT_FALSE(model.srcVocab.contains("and"));

  const ProgramRun target = train("--data " + quoted(path("dup.tsv")) + " --max-target-length 5");
  ASSERT_EQ(target.exitCode, 0) << target.err;
  EXPECT_NE(target.err.find("kept 576 of 588 examples: left out 12 with a target too long"),
            std::string::npos)
      << target.err;
}

TEST_F(CorpusTrain, EachTokenizerIsStoredInTheModelWithItsOptions) {
  writeAnkiFile("fra.txt");
  const std::string data = "--data " + quoted(path("fra.txt"));
  {
    ASSERT_EQ(train(data, "--tokenizer words --lowercase --nfkc").exitCode, 0);
    const Model m = loadModel(path("m.safetensors"));
    EXPECT_EQ(m.tokenizer.kind(), data::TokenizerKind::Words);
    EXPECT_TRUE(m.tokenizer.options().lowercase);
    EXPECT_TRUE(m.tokenizer.options().nfkc);
    EXPECT_TRUE(m.srcVocab.contains("horse"));  // the full stop is a token of its own
    EXPECT_TRUE(m.srcVocab.contains("."));
    EXPECT_FALSE(m.srcVocab.contains("I"));  // lower-cased
    EXPECT_TRUE(m.srcVocab.contains("i"));
  }
  {
    const ProgramRun run =
        train(data, "--tokenizer sentencepiece --sp-model-type bpe --vocab-size 120");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const Model m = loadModel(path("m.safetensors"));
    ASSERT_EQ(m.tokenizer.kind(), data::TokenizerKind::SentencePiece);
    ASSERT_NE(m.tokenizer.sentencePiece(), nullptr);
    // The vocabulary is the pieces (at most 120 of SentencePiece's, its <unk> counted), plus
    // our four special tokens, the same on both sides.
    EXPECT_LE(m.srcVocab.size(), 120 - 1 + 4);
    EXPECT_GT(m.srcVocab.size(), 40);
    EXPECT_EQ(m.srcVocab, m.tgtVocab);
    EXPECT_EQ(m.training["data_config"]["sp_model_type"], "bpe");
    EXPECT_EQ(m.training["data_config"]["vocab_size"], 120);
  }
  {
    ASSERT_EQ(train(data, "--tokenizer char").exitCode, 0);
    EXPECT_EQ(loadModel(path("m.safetensors")).tokenizer.kind(), data::TokenizerKind::Char);
  }
  // Options of another tokenizer are command-line mistakes.
  for (const char* bad : {"--tokenizer word --lowercase", "--tokenizer words --vocab-size 100",
                          "--tokenizer sentencepiece --nfkc", "--tokenizer bytes"}) {
    const ProgramRun run = train(data, bad);
    EXPECT_EQ(run.exitCode, 2) << bad << ": " << run.err;
  }
}

TEST_F(CorpusTrain, BucketWindowIsRecordedAndRefusedWithoutShuffle) {
  writeAnkiFile("fra.txt");
  const std::string data = "--data " + quoted(path("fra.txt"));
  ASSERT_EQ(train(data, "--bucket-window 4").exitCode, 0);
  EXPECT_EQ(loadModel(path("m.safetensors")).training["bucket_window"], 4);
  EXPECT_EQ(train(data, "--bucket-window 4 --no-shuffle").exitCode, 2);
}

TEST_F(CorpusTrain, HelpOfEveryDataFlagSaysWhatItDoesToTheText) {
  const ProgramRun help = runCli("train --help");
  ASSERT_EQ(help.exitCode, 0);
  for (const char* words : {"--columns",
                            "which columns (1-based)",
                            "--source-file",
                            "one sentence a line",
                            "--skip-header",
                            "not read as an example",
                            "--dedup",
                            "keep only the first",
                            "--max-source-length",
                            "as the tokenizer cuts it",
                            "--max-target-length",
                            "--tokenizer",
                            "\"Go.\" is one token",
                            "--lowercase",
                            "fold the text to lower case",
                            "--nfkc",
                            "NFKC",
                            "--sp-model-type",
                            "--vocab-size",
                            "the model's vocabulary",
                            "--bucket-window"})
    EXPECT_NE(help.out.find(words), std::string::npos) << words;
}

}  // namespace
}  // namespace attn::test
