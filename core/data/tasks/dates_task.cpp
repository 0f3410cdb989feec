#include "data/tasks/dates_task.h"

#include "data/tasks/calendar.h"
#include "data/tasks/date_formats.h"

namespace attn::data {

namespace {

class DatesTask : public Task {
 public:
  std::string name() const override { return "dates"; }
  std::string description() const override {
    return "a date written in English or French, to ISO: samedi 21 novembre 2026 -> 2026-11-21";
  }
  TaskKind kind() const override { return TaskKind::Seq2Seq; }
  TokenizerKind tokenizer() const override { return TokenizerKind::Char; }
  TaskConfig defaultConfig() const override {
    TaskConfig c;
    c.trainSize = 20000;
    c.validationSize = 1000;
    c.testSize = 1000;
    return c;  // no length bounds: each format has its own length
  }

  Example sample(Random& rng, const TaskConfig&) const override {
    const int64_t first = daysFromCivil({kFirstYear, 1, 1});
    const int64_t last = daysFromCivil({kLastYear, 12, 31});
    const CivilDate date = civilFromDays(first + rng.below(last - first + 1));
    const auto& formats = dateFormats();
    // Draw formats until one can write this date unambiguously (US numeric needs a day > 12).
    for (;;) {
      const DateFormat& f =
          formats[static_cast<size_t>(rng.below(static_cast<int64_t>(formats.size())))];
      if (canRender(f, date)) return Example{renderDate(f, date), toIso(date)};
    }
  }
};

}  // namespace

std::unique_ptr<Task> makeDatesTask() {
  return std::make_unique<DatesTask>();
}

}  // namespace attn::data
