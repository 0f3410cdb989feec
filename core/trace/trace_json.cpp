#include "trace/trace_json.h"

#include <cmath>
#include <sstream>

#include "util/atomic_file.h"
#include "util/check.h"

namespace attn {

using nlohmann::json;

namespace {

constexpr size_t kMaxTraceBytes = size_t(256) << 20;  // larger traces belong in .safetensors

json mapToJson(const AttentionMap& m) {
  json layers = json::array();
  for (int l = 0; l < m.layers; ++l) {
    json heads = json::array();
    for (int h = 0; h < m.heads; ++h) {
      json rows = json::array();
      for (int q = 0; q < m.queries; ++q) {
        json row = json::array();
        for (int k = 0; k < m.keys; ++k) row.push_back(m.at(l, h, q, k));
        rows.push_back(std::move(row));
      }
      heads.push_back(std::move(rows));
    }
    layers.push_back(std::move(heads));
  }
  return layers;
}

// Reads a JSON value that must be an array, naming the place in the message otherwise.
const json& array(const json& j, const std::string& where) {
  if (!j.is_array()) throw Error(where + " must be an array");
  return j;
}

float number(const json& j, const std::string& where) {
  if (!j.is_number()) throw Error(where + " must be a number");
  return j.get<float>();
}

std::vector<std::string> strings(const json& j, const std::string& where) {
  std::vector<std::string> out;
  for (const json& s : array(j, where)) {
    if (!s.is_string()) throw Error(where + " must hold only strings");
    out.push_back(s.get<std::string>());
  }
  return out;
}

// "1 row", "3 rows": a count and its noun for messages.
std::string count(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// The rows and columns a map of a known name must have, from the trace's token lists: what the
// heatmaps label them with. A map sized for other tokens would be drawn against the wrong
// words, so it is refused. Maps of other names have no rule.
struct MapSizeRule {
  int queries = -1, keys = -1;  // -1: no rule
  std::string queriesAre, keysAre, layout;
};

MapSizeRule sizeRule(MapKind kind, const std::vector<std::string>& source,
                     const std::vector<std::string>& target) {
  const int s = static_cast<int>(source.size()), t = static_cast<int>(target.size());
  const std::string sourceTokens = "the trace has " + count(source.size(), "source token");
  const std::string targetTokens = "the trace has " + count(target.size(), "target token");
  if (kind == MapKind::Cross)
    return {t, s, targetTokens, sourceTokens, "[layer][head][target token][source token]"};
  if (kind == MapKind::EncoderSelf)
    return {s, s, sourceTokens, sourceTokens, "[layer][head][source token][source token]"};
  if (kind == MapKind::DecoderSelf)
    return {t, t, targetTokens, targetTokens, "[layer][head][target token][target token]"};
  if (kind == MapKind::Hops)
    return {1, s, "a hops map has one row per head, each head being a hop", sourceTokens,
            "[1][hop][1][source token]"};
  return {};
}

void checkMapSize(const std::string& name, size_t rows, size_t columns, const MapSizeRule& rule) {
  auto fail = [&](const std::string& found, const std::string& expected) {
    throw Error("attention map '" + name + "', layer 0, head 0 has " + found + ", but " + expected +
                " (a '" + name + "' map is " + rule.layout + ")");
  };
  if (rule.queries >= 0 && rows != static_cast<size_t>(rule.queries))
    fail(count(rows, "row"), rule.queriesAre);
  if (rule.keys >= 0 && columns != static_cast<size_t>(rule.keys))
    fail(count(columns, "column"), rule.keysAre);
}

AttentionMap mapFromJson(const json& j, const std::string& where, const std::string& name,
                         const MapSizeRule& rule) {
  const json& layers = array(j, where);
  if (layers.empty()) throw Error(where + " has no layer");
  const json& heads0 = array(layers[0], where + "[0]");
  if (heads0.empty()) throw Error(where + "[0] has no head");
  const json& rows0 = array(heads0[0], where + "[0][0]");
  if (rows0.empty()) throw Error(where + "[0][0] has no row");
  const json& keys0 = array(rows0[0], where + "[0][0][0]");
  // Every head of every layer is then held to the sizes of the first (below).
  checkMapSize(name, rows0.size(), keys0.size(), rule);
  AttentionMap m(static_cast<int>(layers.size()), static_cast<int>(heads0.size()),
                 static_cast<int>(rows0.size()), static_cast<int>(keys0.size()));
  for (int l = 0; l < m.layers; ++l) {
    const std::string wl = where + "[" + std::to_string(l) + "]";
    const json& heads = array(layers[static_cast<size_t>(l)], wl);
    if (static_cast<int>(heads.size()) != m.heads)
      throw Error(wl + " has " + count(heads.size(), "head") + " where " + where + "[0] has " +
                  std::to_string(m.heads));
    for (int h = 0; h < m.heads; ++h) {
      const std::string wh = wl + "[" + std::to_string(h) + "]";
      const json& rows = array(heads[static_cast<size_t>(h)], wh);
      if (static_cast<int>(rows.size()) != m.queries)
        throw Error(wh + " has " + count(rows.size(), "row") + " where " + where + "[0][0] has " +
                    std::to_string(m.queries));
      for (int q = 0; q < m.queries; ++q) {
        const std::string wq = wh + "[" + std::to_string(q) + "]";
        const json& row = array(rows[static_cast<size_t>(q)], wq);
        if (static_cast<int>(row.size()) != m.keys)
          throw Error(wq + " has " + count(row.size(), "key") + " where " + where +
                      "[0][0][0] has " + std::to_string(m.keys));
        for (int k = 0; k < m.keys; ++k) m.at(l, h, q, k) = number(row[static_cast<size_t>(k)], wq);
      }
    }
  }
  return m;
}

// A map's name in the file as its kind. A name no model writes is refused rather than kept:
// every view, export and explanation is defined per kind, so an unknown map could be shown
// nowhere, and dropping it silently would hide that the file is not what it claims to be.
MapKind kindOf(const std::string& name, const std::string& where) {
  if (const std::optional<MapKind> kind = parseMapKind(name)) return *kind;
  throw Error(where + " has a map named '" + name + "'; the known maps are " + mapKindNames() +
              " (rename it to the one it is, or leave it out)");
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

json traceToJson(const Trace& t) {
  json j;
  j["format"] = kTraceFormat;
  if (!t.model.is_null()) j["model"] = t.model;
  j["source_tokens"] = t.sourceTokens;
  j["target_tokens"] = t.targetTokens;
  json att = json::object();
  for (const auto& [kind, map] : t.attention) att[mapKindName(kind)] = mapToJson(map);
  j["attention"] = std::move(att);
  if (!t.logProbs.empty()) j["log_probs"] = t.logProbs;
  if (!t.steps.empty()) {
    json steps = json::array();
    for (const TraceStep& s : t.steps) {
      json js;
      json top = json::array();
      for (const TopToken& tt : s.topK) top.push_back({{"token", tt.token}, {"prob", tt.prob}});
      js["top_k"] = std::move(top);
      if (!s.scores.empty()) {
        json scores = json::object();
        for (const auto& [kind, row] : s.scores) scores[mapKindName(kind)] = row;
        js["scores"] = std::move(scores);
      }
      if (!s.context.empty()) js["context"] = s.context;
      if (!s.query.empty()) js["query"] = s.query;
      steps.push_back(std::move(js));
    }
    j["steps"] = std::move(steps);
  }
  if (!t.beam.empty()) {
    json nodes = json::array();
    for (const BeamNode& n : t.beam)
      nodes.push_back({{"id", n.id},
                       {"parent", n.parent},
                       {"step", n.step},
                       {"token", n.token},
                       {"log_prob", n.logProb},
                       {"score", n.score},
                       {"finished", n.finished},
                       {"chosen", n.chosen}});
    j["beam"] = {{"width", t.beamWidth},
                 {"length_penalty", t.beamLengthPenalty},
                 {"nodes", std::move(nodes)}};
  }
  return j;
}

Trace traceFromJson(const json& j, const std::string& what) {
  try {
    if (!j.is_object()) throw Error("the top level must be a JSON object");
    if (!j.contains("format") || j["format"] != kTraceFormat)
      throw Error(std::string("\"format\" must be \"") + kTraceFormat + "\"");
    Trace t;
    if (j.contains("model")) t.model = j["model"];
    if (!j.contains("source_tokens")) throw Error("\"source_tokens\" is missing");
    t.sourceTokens = strings(j["source_tokens"], "source_tokens");
    if (j.contains("target_tokens")) t.targetTokens = strings(j["target_tokens"], "target_tokens");
    if (!j.contains("attention") || !j["attention"].is_object())
      throw Error("\"attention\" must be an object of named maps");
    for (const auto& [name, value] : j["attention"].items()) {
      const MapKind kind = kindOf(name, "attention");
      t.attention[kind] = mapFromJson(value, "attention." + name, name,
                                      sizeRule(kind, t.sourceTokens, t.targetTokens));
    }
    if (j.contains("log_probs")) {
      for (const json& row : array(j["log_probs"], "log_probs")) {
        std::vector<float> r;
        for (const json& v : array(row, "log_probs[]")) r.push_back(number(v, "log_probs[]"));
        t.logProbs.push_back(std::move(r));
      }
    }
    if (j.contains("steps")) {
      for (const json& js : array(j["steps"], "steps")) {
        if (!js.is_object()) throw Error("each of \"steps\" must be an object");
        TraceStep s;
        if (js.contains("top_k"))
          for (const json& tt : array(js["top_k"], "steps[].top_k")) {
            if (!tt.is_object() || !tt.contains("token") || !tt["token"].is_string())
              throw Error("steps[].top_k entries need a \"token\" string");
            s.topK.push_back({tt["token"].get<std::string>(),
                              number(tt.value("prob", json()), "steps[].top_k[].prob")});
          }
        if (js.contains("scores")) {
          if (!js["scores"].is_object()) throw Error("steps[].scores must be an object");
          for (const auto& [name, v] : js["scores"].items()) {
            std::vector<float>& row = s.scores[kindOf(name, "steps[].scores")];
            for (const json& x : array(v, "steps[].scores." + name))
              row.push_back(number(x, "steps[].scores." + name));
          }
        }
        if (js.contains("context"))
          for (const json& x : array(js["context"], "steps[].context"))
            s.context.push_back(number(x, "steps[].context"));
        if (js.contains("query"))
          for (const json& x : array(js["query"], "steps[].query"))
            s.query.push_back(number(x, "steps[].query"));
        t.steps.push_back(std::move(s));
      }
    }
    if (j.contains("beam")) {
      const json& b = j["beam"];
      if (!b.is_object()) throw Error("\"beam\" must be an object");
      t.beamWidth = b.value("width", 0);
      t.beamLengthPenalty = b.value("length_penalty", 1.0);
      if (!std::isfinite(t.beamLengthPenalty) || t.beamLengthPenalty < 0)
        throw Error("beam.length_penalty must be a number >= 0");
      const json nodes = b.value("nodes", json::array());  // a copy: array() returns a reference
      for (const json& n : array(nodes, "beam.nodes")) {
        if (!n.is_object()) throw Error("beam.nodes entries must be objects");
        BeamNode bn;
        bn.id = n.value("id", 0);
        bn.parent = n.value("parent", -1);
        bn.step = n.value("step", 0);
        bn.token = n.value("token", std::string());
        bn.logProb = n.value("log_prob", 0.0f);
        bn.score = n.value("score", 0.0f);
        bn.finished = n.value("finished", false);
        bn.chosen = n.value("chosen", false);
        t.beam.push_back(std::move(bn));
      }
    }
    t.validate();
    return t;
  } catch (const Error& e) {
    throw Error(what + ": " + e.what());
  } catch (const json::exception& e) {
    throw Error(what + ": a field has the wrong type (" + e.what() + ")");
  }
}

void writeTraceFile(const std::string& path, const Trace& trace) {
  const std::string text = traceToJson(trace).dump(1);
  writeFileAtomically(path, text + "\n");
}

Trace readTraceFile(const std::string& path) {
  const std::string text = readWholeFile(path, kMaxTraceBytes);
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw Error(path + ": not valid JSON");
  return traceFromJson(j, path);
}

std::string attentionCsv(const Trace& t, MapKind kind, int layer, int head) {
  const std::string name = mapKindName(kind);
  auto it = t.attention.find(kind);
  if (it == t.attention.end()) throw Error("the trace has no attention map named '" + name + "'");
  const AttentionMap& m = it->second;
  if (layer < 0 || layer >= m.layers || head < 0 || head >= m.heads)
    throw Error("map '" + name + "' has " + std::to_string(m.layers) + " layer(s) and " +
                std::to_string(m.heads) + " head(s)");
  // Which tokens label the axes. Cross-attention: queries are the output steps (labelled by the
  // token each step produced), keys the source. Decoder self-attention: step t attends over the
  // decoder's inputs <sos>, y1 … yt, so both axes are those inputs. Encoder self-attention: the
  // source on both axes.
  std::vector<std::string> decoderInputs{"<sos>"};
  if (!t.targetTokens.empty())
    decoderInputs.insert(decoderInputs.end(), t.targetTokens.begin(), t.targetTokens.end() - 1);
  const std::vector<std::string>& keyTokens =
      kind == MapKind::DecoderSelf ? decoderInputs : t.sourceTokens;
  const std::vector<std::string>& queryTokens =
      kind == MapKind::EncoderSelf
          ? t.sourceTokens
          : (kind == MapKind::DecoderSelf ? decoderInputs : t.targetTokens);
  auto label = [](const std::vector<std::string>& tokens, int i, const std::string& fallback) {
    return i < static_cast<int>(tokens.size()) ? tokens[static_cast<size_t>(i)]
                                               : fallback + std::to_string(i + 1);
  };
  std::ostringstream out;
  out << csvField(kind == MapKind::Hops ? "hop" : "query");
  for (int k = 0; k < m.keys; ++k) out << ',' << csvField(label(keyTokens, k, "key "));
  out << '\n';
  for (int q = 0; q < m.queries; ++q) {
    const std::string rowLabel =
        kind == MapKind::Hops ? "hop " + std::to_string(q + 1) : label(queryTokens, q, "query ");
    out << csvField(rowLabel);
    for (int k = 0; k < m.keys; ++k) out << ',' << m.at(layer, head, q, k);
    out << '\n';
  }
  return out.str();
}

}  // namespace attn
