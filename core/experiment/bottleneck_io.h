// The bottleneck experiment's results as files: JSON (everything: settings, buckets, both
// models' scores, counts and times; the GUI reopens it) and CSV (one line per length bucket, for
// a spreadsheet or a plotting script). Written atomically, so a failed write never leaves half a
// file; read back with every field checked, since a results file may come from anywhere.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "experiment/bottleneck.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION::experiment {

inline constexpr const char* kBottleneckResultFormat = "attention-studio.bottleneck-result/1";

// `extra` (an object, may be null) is merged at the top level: the CLI adds "tool" and "date".
nlohmann::json bottleneckResultToJson(const BottleneckResult& result,
                                      const nlohmann::json& extra = nullptr);
// Throws attn::Error naming the field for anything missing, mistyped or inconsistent (a bucket
// list that differs between the models, a score outside [0, 1]).
BottleneckResult bottleneckResultFromJson(const nlohmann::json& json);

// Header: length_min,length_max,examples,no_attention_exact_match,no_attention_bleu,
// attention_exact_match,attention_bleu
std::string bottleneckCsv(const BottleneckResult& result);

void saveBottleneckJson(const std::string& path, const BottleneckResult& result,
                        const nlohmann::json& extra = nullptr);
void saveBottleneckCsv(const std::string& path, const BottleneckResult& result);
BottleneckResult loadBottleneckResult(const std::string& path);  // at most 16 MB

}  // namespace attn::inline ATTN_PRECISION::experiment
