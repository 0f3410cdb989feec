// The kinds of attention map a model reports and a trace holds. Inside the engine and the app a
// map is named by this enum; its string form ("cross", "encoder_self", "decoder_self", "hops")
// exists only where files are read and written (trace JSON, CSV exports) and for display.
// Header-only and dependency-free so that every layer, from layers/ up, can name a map.
#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace attn {

// In the alphabetical order of the file names, so that maps keyed by MapKind iterate in the same
// order as they did when keyed by name (and as JSON objects list them).
enum class MapKind {
  Cross,        // output steps attending over the source (every seq2seq model)
  DecoderSelf,  // transformer decoder: each step over <sos> and the earlier outputs (causal)
  EncoderSelf,  // transformer encoder: source over source
  Hops,         // structured self-attention classifier: r hops over the tokens
};

inline constexpr std::array<MapKind, 4> kAllMapKinds{MapKind::Cross, MapKind::DecoderSelf,
                                                     MapKind::EncoderSelf, MapKind::Hops};

// The name in trace files, CSV exports and JSON output.
constexpr std::string_view toString(MapKind kind) {
  switch (kind) {
    case MapKind::Cross:
      return "cross";
    case MapKind::DecoderSelf:
      return "decoder_self";
    case MapKind::EncoderSelf:
      return "encoder_self";
    case MapKind::Hops:
      return "hops";
  }
  return "cross";  // unreachable: every enumerator is handled above
}

inline std::string mapKindName(MapKind kind) {
  return std::string(toString(kind));
}

// For messages and test output: the file name.
inline std::ostream& operator<<(std::ostream& out, MapKind kind) {
  return out << toString(kind);
}

// The kind a file name stands for, or nothing for a name no model writes.
constexpr std::optional<MapKind> parseMapKind(std::string_view name) {
  for (MapKind kind : kAllMapKinds)
    if (toString(kind) == name) return kind;
  return std::nullopt;
}

// The list "cross, decoder_self, encoder_self, hops", for messages about an unknown name.
inline std::string mapKindNames() {
  std::string out;
  for (MapKind kind : kAllMapKinds) out += (out.empty() ? "" : ", ") + mapKindName(kind);
  return out;
}

}  // namespace attn
