#include "data/dataset.h"

#include "util/check.h"

namespace attn::data {

std::string_view taskKindName(TaskKind kind) {
  return kind == TaskKind::Seq2Seq ? "seq2seq" : "classification";
}

TaskKind parseTaskKind(std::string_view name) {
  if (name == "seq2seq") return TaskKind::Seq2Seq;
  if (name == "classification") return TaskKind::Classification;
  throw Error("unknown kind of task \"" + std::string(name) +
              "\"; the kinds are: seq2seq, classification");
}

std::string_view splitName(Split split) {
  switch (split) {
    case Split::Train:
      return "train";
    case Split::Validation:
      return "validation";
    case Split::Test:
      return "test";
  }
  return "?";
}

std::vector<Example>& Dataset::split(Split s) {
  return s == Split::Train ? train : s == Split::Validation ? validation : test;
}

const std::vector<Example>& Dataset::split(Split s) const {
  return s == Split::Train ? train : s == Split::Validation ? validation : test;
}

}  // namespace attn::data
