// The bottleneck experiment's settings as JSON (resources/experiments/bottleneck.json is the
// bundled file the CLI and the GUI start from), and the checks that make a bad file one clear
// attn::Error before any data is generated or any weight is trained.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "experiment/bottleneck.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION::experiment {

inline constexpr const char* kBottleneckSettingsFormat = "attention-studio.bottleneck-settings/1";

// Limits: far above what a CPU experiment uses, low enough that a typo fails at once.
struct BottleneckLimits {
  static constexpr int64_t kMaxLength = 400;
  static constexpr int64_t kMaxBuckets = 40;
  static constexpr int64_t kMaxTrainSize = 1'000'000;
  static constexpr int64_t kMaxTestPerBucket = 10'000;
  static constexpr int64_t kMaxSteps = 10'000'000;
  static constexpr int64_t kMaxBatch = 4096;
};

// Throws attn::Error naming the first setting that is wrong: lengths, sizes, a task that is not
// seq2seq, a model config that rnn_seq2seq refuses or whose "attention" is "none".
void checkBottleneckSettings(const BottleneckSettings& settings);

// Keys absent from `json` keep their value in `base`; an unknown key, a wrong type or a value
// out of range is an attn::Error. The result is checked as a whole.
BottleneckSettings bottleneckSettingsFromJson(const nlohmann::json& json,
                                              const BottleneckSettings& base = {});
nlohmann::json bottleneckSettingsToJson(const BottleneckSettings& settings);

// Reads a settings file (at most 1 MB); errors name the file.
BottleneckSettings loadBottleneckSettings(const std::string& path);

// The bundled settings file: the first `folder`/bottleneck.json that exists, or "" (the caller
// then falls back to BottleneckSettings{}, which a test keeps equal to the bundled file).
std::string findBottleneckSettings(const std::vector<std::string>& folders);

}  // namespace attn::inline ATTN_PRECISION::experiment
