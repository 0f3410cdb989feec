#include "data/tasks/symbol_tasks.h"

#include <algorithm>

#include "util/check.h"

namespace attn::data {

namespace {

const std::string kSymbols = "0123456789abcdefghijklmnopqrstuvwxyz";

class SymbolTask : public Task {
 public:
  explicit SymbolTask(SymbolTaskKind kind) : kind_(kind) {}

  std::string name() const override {
    return kind_ == SymbolTaskKind::Copy      ? "copy"
           : kind_ == SymbolTaskKind::Reverse ? "reverse"
                                              : "sort";
  }
  std::string description() const override {
    switch (kind_) {
      case SymbolTaskKind::Copy:
        return "repeat a sequence of symbols: 3 1 4 -> 3 1 4";
      case SymbolTaskKind::Reverse:
        return "reverse a sequence of symbols: 3 1 4 -> 4 1 3";
      case SymbolTaskKind::Sort:
        return "sort a sequence of symbols: 3 1 4 -> 1 3 4";
    }
    return "";
  }
  TaskKind kind() const override { return TaskKind::Seq2Seq; }
  TokenizerKind tokenizer() const override { return TokenizerKind::Word; }
  TaskConfig defaultConfig() const override {
    TaskConfig c;
    c.trainSize = 10000;
    c.validationSize = 1000;
    c.testSize = 1000;
    c.minLength = 3;
    c.maxLength = 12;
    c.alphabetSize = 10;
    return c;
  }

  Example sample(Random& rng, const TaskConfig& c) const override {
    if (c.minLength < 1 || c.maxLength < c.minLength)
      throw Error("task " + name() + " needs lengths 1 <= minimum <= maximum (got " +
                  std::to_string(c.minLength) + ".." + std::to_string(c.maxLength) + ")");
    const std::string alphabet = symbolAlphabet(c.alphabetSize);
    const int64_t len = c.minLength + rng.below(c.maxLength - c.minLength + 1);
    std::string seq;
    for (int64_t i = 0; i < len; ++i)
      seq += alphabet[static_cast<size_t>(rng.below(static_cast<int64_t>(alphabet.size())))];
    std::string out = seq;
    if (kind_ == SymbolTaskKind::Reverse) std::reverse(out.begin(), out.end());
    if (kind_ == SymbolTaskKind::Sort) std::sort(out.begin(), out.end());
    return Example{spaced(seq), spaced(out)};
  }

 private:
  static std::string spaced(const std::string& symbols) {
    std::string s;
    for (char c : symbols) {
      if (!s.empty()) s += ' ';
      s += c;
    }
    return s;
  }

  SymbolTaskKind kind_;
};

}  // namespace

std::string symbolAlphabet(int64_t n) {
  if (n < 2 || n > static_cast<int64_t>(kSymbols.size()))
    throw Error("the alphabet size must be between 2 and " + std::to_string(kSymbols.size()) +
                ", not " + std::to_string(n));
  return kSymbols.substr(0, static_cast<size_t>(n));
}

std::unique_ptr<Task> makeSymbolTask(SymbolTaskKind kind) {
  return std::make_unique<SymbolTask>(kind);
}

}  // namespace attn::data
