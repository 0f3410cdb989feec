// Reading one field of a JSON object that came from a file and is not trusted: a missing field or
// one of the wrong type gives the fallback instead of a JSON exception, so a model whose metadata
// someone edited by hand still loads and still evaluates.
#pragma once

#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace attn::inline ATTN_PRECISION::jobs {

template <typename T>
T field(const nlohmann::json& j, const char* key, T fallback) {
  if (!j.is_object() || !j.contains(key)) return fallback;
  const nlohmann::json& v = j[key];
  if constexpr (std::is_same_v<T, bool>) {
    return v.is_boolean() ? v.get<bool>() : fallback;
  } else if constexpr (std::is_integral_v<T>) {
    return v.is_number_integer() || v.is_number_unsigned() ? v.get<T>() : fallback;
  } else if constexpr (std::is_floating_point_v<T>) {
    return v.is_number() ? v.get<T>() : fallback;
  } else {
    return v.is_string() ? v.get<std::string>() : fallback;
  }
}

}  // namespace attn::inline ATTN_PRECISION::jobs
