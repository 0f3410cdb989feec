#include "io/safetensors.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <set>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "util/atomic_file.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {
namespace {

using Json = nlohmann::ordered_json;  // keeps the header's order, which becomes the tensors' order

enum class DType { F32, F16, BF16, F64 };

struct Entry {
  std::string name;
  DType dtype;
  Shape shape;
  uint64_t begin, end;  // byte offsets into the data buffer
};

struct Header {
  std::vector<Entry> entries;  // header order
  Metadata metadata;
};

// Thrown by the parse callback to stop the JSON parser early; turned into attn::Error.
struct HeaderRejected {
  std::string what;
};

// A tensor name as messages show it: quoted, and cut short, since a hostile header can hold a
// name of megabytes and a message should stay one readable line.
std::string quoted(const std::string& name) {
  size_t cut = std::min<size_t>(name.size(), 80);
  while (cut < name.size() && cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xc0) == 0x80)
    --cut;  // not inside a UTF-8 sequence
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "'" + std::string&&.
  std::string out(1, '\'');
  out.append(name, 0, cut);
  out.append(cut < name.size() ? "...'" : "'");
  return out;
}

std::string byteRange(uint64_t begin, uint64_t end) {
  return "[" + std::to_string(begin) + ", " + std::to_string(end) + ")";
}

uint16_t loadLE16(const uint8_t* p) {
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
uint32_t loadLE32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) | (uint32_t{p[3]} << 24);
}
uint64_t loadLE64(const uint8_t* p) {
  return uint64_t{loadLE32(p)} | (uint64_t{loadLE32(p + 4)} << 32);
}
void storeLE32(uint32_t v, uint8_t* p) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}
void storeLE64(uint64_t v, uint8_t* p) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

// IEEE 754 half precision to float; every half is exactly a float.
float halfToFloat(uint16_t h) {
  const bool negative = (h & 0x8000u) != 0;
  const uint32_t exponent = (h >> 10) & 0x1fu;
  const uint32_t mantissa = h & 0x3ffu;
  if (exponent == 0) {
    // Zero or subnormal: mantissa · 2^-24, exact in float.
    const float v = std::ldexp(static_cast<float>(mantissa), -24);
    return negative ? -v : v;
  }
  // Normal numbers rebias the exponent (15 -> 127); infinities and NaNs keep an all-ones one.
  const uint32_t floatExponent = exponent == 0x1fu ? 0xffu : exponent + (127 - 15);
  const uint32_t bits = (negative ? 0x80000000u : 0u) | (floatExponent << 23) | (mantissa << 13);
  return std::bit_cast<float>(bits);
}

// double -> float as IEEE rounding does it. A plain cast of a value beyond float's range is
// undefined behaviour in C++, and an F64 file (or the f64 engine's tensors) may hold one.
float narrowToFloat(double d) {
  constexpr double kMax = std::numeric_limits<float>::max();
  constexpr double kOverflow = 0x1.ffffffp127;  // halfway between FLT_MAX and 2^128
  constexpr float kInf = std::numeric_limits<float>::infinity();
  if (d > kMax) return d < kOverflow ? std::numeric_limits<float>::max() : kInf;
  if (d < -kMax) return d > -kOverflow ? -std::numeric_limits<float>::max() : -kInf;
  return static_cast<float>(d);
}

Scalar fromDouble(double d) {
  if constexpr (std::is_same_v<Scalar, double>) {
    return d;
  } else {
    return narrowToFloat(d);
  }
}

float toFloat(Scalar v) {
  if constexpr (std::is_same_v<Scalar, float>) {
    return v;
  } else {
    return narrowToFloat(v);
  }
}

// Whether F32 bytes can be copied straight into, or out of, a tensor's storage.
constexpr bool kRawF32 =
    std::is_same_v<Scalar, float> && std::endian::native == std::endian::little;

void decode(DType dtype, const uint8_t* src, int64_t n, Scalar* dst) {
  switch (dtype) {
    case DType::F32:
      for (int64_t i = 0; i < n; ++i)
        dst[i] = static_cast<Scalar>(std::bit_cast<float>(loadLE32(src + 4 * i)));
      break;
    case DType::F16:
      for (int64_t i = 0; i < n; ++i) dst[i] = halfToFloat(loadLE16(src + 2 * i));
      break;
    case DType::BF16:
      // bfloat16 is the top half of a float32.
      for (int64_t i = 0; i < n; ++i)
        dst[i] = std::bit_cast<float>(static_cast<uint32_t>(loadLE16(src + 2 * i)) << 16);
      break;
    case DType::F64:
      for (int64_t i = 0; i < n; ++i)
        dst[i] = fromDouble(std::bit_cast<double>(loadLE64(src + 8 * i)));
      break;
  }
}

// The dtypes read, and their sizes in bytes.
bool parseDType(const std::string& s, DType* dtype, uint64_t* bytes) {
  static const struct {
    const char* name;
    DType dtype;
    uint64_t bytes;
  } kKnown[] = {{"F32", DType::F32, 4},
                {"F16", DType::F16, 2},
                {"BF16", DType::BF16, 2},
                {"F64", DType::F64, 8}};
  for (const auto& k : kKnown) {
    if (s == k.name) {
      *dtype = k.dtype;
      *bytes = k.bytes;
      return true;
    }
  }
  return false;
}

bool isUnsignedArray(const Json& j) {
  if (!j.is_array()) return false;
  for (const Json& v : j)
    if (!v.is_number_unsigned()) return false;
  return true;
}

// Parses and checks the JSON header against a data buffer of `bufferBytes`. Nothing of the data
// is touched here, so everything that could make a later step read out of bounds or allocate
// without limit is ruled out first.
Header parseHeader(const std::string& text, uint64_t bufferBytes, const std::string& prefix) {
  // No valid header nests containers deeper than a shape array inside an entry, nor lists more
  // than a few numbers in one; rejecting such JSON while parsing keeps a hostile 100 MB header
  // from building a document many times its size. Duplicate names are caught here too, since
  // the parsed object would silently keep only one of them.
  constexpr int kMaxArrayElements = 64;
  int elements = 0;
  std::set<std::string> names;
  Json::parser_callback_t guard = [&](int depth, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        if (depth >= 3) throw HeaderRejected{"the header nests JSON deeper than any valid header"};
        if (depth == 2) elements = 0;
        break;
      case Json::parse_event_t::key:
        if (depth == 1 && !names.insert(parsed.get<std::string>()).second)
          throw HeaderRejected{"the header lists " + quoted(parsed.get<std::string>()) + " twice"};
        if (depth == 3 && ++elements > kMaxArrayElements)
          throw HeaderRejected{"the header holds an object far larger than any valid entry"};
        break;
      case Json::parse_event_t::value:
        if (depth == 3 && ++elements > kMaxArrayElements)
          throw HeaderRejected{"the header holds an array far longer than any valid shape"};
        break;
      default:
        break;
    }
    return true;
  };

  Json json;
  try {
    json = Json::parse(text.begin(), text.end(), guard);
  } catch (const HeaderRejected& e) {
    throw Error(prefix + e.what);
  } catch (const Json::exception& e) {
    // nlohmann's messages start with "[json.exception.parse_error.101] "; keep what follows.
    std::string what = e.what();
    if (const size_t cut = what.find("] "); cut != std::string::npos) what = what.substr(cut + 2);
    // It quotes the bytes it stopped at, which may be anything; a message must stay printable.
    for (char& c : what)
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
    throw Error(prefix + "the header is not valid JSON (" + what + ")");
  }
  if (!json.is_object()) throw Error(prefix + "the header is not a JSON object");

  Header header;
  for (const auto& [name, entry] : json.items()) {
    if (name == "__metadata__") {
      if (!entry.is_object()) throw Error(prefix + "__metadata__ is not a JSON object");
      for (const auto& [key, value] : entry.items()) {
        if (!value.is_string())
          throw Error(prefix + "metadata " + quoted(key) + " is not a string (it is " +
                      value.type_name() + "); safetensors metadata values must be strings");
        header.metadata[key] = value.get<std::string>();
      }
      continue;
    }
    const std::string what = "tensor " + quoted(name);
    if (!entry.is_object()) throw Error(prefix + what + " is not described by a JSON object");
    if (!entry.contains("dtype") || !entry["dtype"].is_string())
      throw Error(prefix + what + " has no string \"dtype\"");
    if (!entry.contains("shape") || !isUnsignedArray(entry["shape"]))
      throw Error(prefix + what + " has no \"shape\" array of non-negative integers");
    if (!entry.contains("data_offsets") || !isUnsignedArray(entry["data_offsets"]) ||
        entry["data_offsets"].size() != 2)
      throw Error(prefix + what + " has no \"data_offsets\" pair of non-negative integers");

    Entry e;
    e.name = name;
    const std::string dtype = entry["dtype"].get<std::string>();
    uint64_t elementBytes = 0;
    if (!parseDType(dtype, &e.dtype, &elementBytes))
      throw Error(prefix + what + " has dtype " + quoted(dtype) +
                  ", which cannot be read (only F32, F16, BF16 and F64 can)");

    const Json& shape = entry["shape"];
    if (shape.size() > static_cast<size_t>(Shape::kMaxRank))
      throw Error(prefix + what + " has " + std::to_string(shape.size()) + " dimensions " +
                  shape.dump() + "; at most " + std::to_string(Shape::kMaxRank) + " are supported");
    // Element and byte counts must fit in int64 (what Tensor indexes with); the bound on each
    // dimension also covers a dimension after a zero one, which the product would not.
    constexpr uint64_t kMaxElements = uint64_t{std::numeric_limits<int64_t>::max()} / 8;
    std::vector<int64_t> dims;
    uint64_t elements = 1;
    for (const Json& d : shape) {
      const uint64_t dim = d.get<uint64_t>();
      if (dim > kMaxElements || (dim != 0 && elements > kMaxElements / dim))
        throw Error(prefix + what + " has an impossibly large shape " + shape.dump());
      elements *= dim;
      dims.push_back(static_cast<int64_t>(dim));
    }
    e.shape = Shape(dims);

    e.begin = entry["data_offsets"][0].get<uint64_t>();
    e.end = entry["data_offsets"][1].get<uint64_t>();
    if (e.begin > e.end)
      throw Error(prefix + what + " has data_offsets " + byteRange(e.begin, e.end) +
                  " that end before they begin");
    if (e.end > bufferBytes)
      throw Error(prefix + what + " has data_offsets " + byteRange(e.begin, e.end) +
                  " beyond the end of the data (" + std::to_string(bufferBytes) +
                  " bytes): the file is truncated or damaged");
    if (elements * elementBytes != e.end - e.begin)
      throw Error(prefix + what + " of shape " + e.shape.toString() + " and dtype " + dtype +
                  " needs " + std::to_string(elements * elementBytes) + " bytes, but its " +
                  "data_offsets " + byteRange(e.begin, e.end) + " hold " +
                  std::to_string(e.end - e.begin));
    header.entries.push_back(std::move(e));
  }

  // The format asks the tensors to tile the data buffer exactly: no overlap (two tensors
  // sharing bytes) and no hole (bytes no tensor owns, where a polyglot file could hide).
  std::vector<const Entry*> byOffset;
  for (const Entry& e : header.entries) byOffset.push_back(&e);
  std::sort(byOffset.begin(), byOffset.end(), [](const Entry* a, const Entry* b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
  });
  uint64_t covered = 0;
  const Entry* previous = nullptr;
  for (const Entry* e : byOffset) {
    if (e->begin < covered)
      throw Error(prefix + "tensors " + quoted(previous->name) + " " +
                  byteRange(previous->begin, previous->end) + " and " + quoted(e->name) + " " +
                  byteRange(e->begin, e->end) + " overlap");
    if (e->begin > covered)
      throw Error(prefix + "bytes " + byteRange(covered, e->begin) +
                  " of the data belong to no tensor (the format allows no holes)");
    if (e->end > e->begin || previous == nullptr) previous = e;
    covered = e->end;
  }
  if (covered != bufferBytes)
    throw Error(prefix + "the last " + std::to_string(bufferBytes - covered) +
                " bytes of the data belong to no tensor (the format allows no holes)");
  return header;
}

// Copies `count` bytes from `offset` of the whole file (or memory block) into dst.
using ReadAt = std::function<void(uint64_t offset, uint64_t count, uint8_t* dst)>;

Tensor loadTensor(const Entry& e, uint64_t dataStart, const ReadAt& readAt) {
  Tensor t = Tensor::empty(e.shape);
  const uint64_t bytes = e.end - e.begin;
  if (bytes == 0) return t;
  if (kRawF32 && e.dtype == DType::F32) {
    readAt(dataStart + e.begin, bytes, reinterpret_cast<uint8_t*>(t.data()));
    return t;
  }
  std::vector<uint8_t> raw(bytes);  // bounded: the range was checked against the file's size
  readAt(dataStart + e.begin, bytes, raw.data());
  decode(e.dtype, raw.data(), t.numel(), t.data());
  return t;
}

// Everything after opening: the same for a file and for bytes in memory.
SafetensorsFile load(const std::string& source, uint64_t totalBytes, const ReadAt& readAt) {
  const std::string prefix = "cannot read '" + source + "': ";
  if (totalBytes < 8)
    throw Error(prefix + "it is " + std::to_string(totalBytes) +
                " bytes long, too short for a safetensors file (which starts with an 8-byte "
                "header length)");
  uint8_t lengthBytes[8];
  readAt(0, 8, lengthBytes);
  const uint64_t headerBytes = loadLE64(lengthBytes);
  if (headerBytes > totalBytes - 8)
    throw Error(prefix + "its header length (" + std::to_string(headerBytes) +
                " bytes) is larger than the rest of the file (" + std::to_string(totalBytes - 8) +
                " bytes): it is truncated or not a safetensors file");
  if (headerBytes > kMaxSafetensorsHeaderBytes)
    throw Error(prefix + "its header length (" + std::to_string(headerBytes) +
                " bytes) exceeds the " + std::to_string(kMaxSafetensorsHeaderBytes) +
                "-byte limit");
  std::string text(headerBytes, '\0');
  readAt(8, headerBytes, reinterpret_cast<uint8_t*>(text.data()));
  Header header = parseHeader(text, totalBytes - 8 - headerBytes, prefix);

  SafetensorsFile file;
  file.source = source;
  file.metadata = std::move(header.metadata);
  file.tensors.reserve(header.entries.size());
  for (const Entry& e : header.entries)
    file.tensors.emplace_back(e.name, loadTensor(e, 8 + headerBytes, readAt));
  return file;
}

// The 8-byte length and the header of a file holding `tensors` as F32, in the given order.
std::string encodeHeader(const NamedTensors& tensors, const Metadata& metadata,
                         const std::string& prefix) {
  Json header = Json::object();
  if (!metadata.empty()) {
    Json meta = Json::object();
    for (const auto& [key, value] : metadata) meta[key] = value;
    header["__metadata__"] = std::move(meta);
  }
  uint64_t offset = 0;
  std::set<std::string> names;
  for (const auto& [name, t] : tensors) {
    if (name.empty()) throw Error(prefix + "a tensor has an empty name");
    if (name == "__metadata__")
      throw Error(prefix + "\"__metadata__\" is reserved and cannot name a tensor");
    if (!names.insert(name).second) throw Error(prefix + "two tensors are named " + quoted(name));
    if (t.numel() != t.shape().numel())
      throw Error(prefix + "tensor " + quoted(name) + " holds no data");
    const uint64_t bytes = 4 * static_cast<uint64_t>(t.numel());
    header[name] = {{"dtype", "F32"},
                    {"shape", t.shape().toVector()},
                    {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  std::string text;
  try {
    text = header.dump();
  } catch (const Json::exception&) {
    throw Error(prefix + "a tensor name or metadata string is not valid UTF-8");
  }
  // Padding the header to a multiple of 8 aligns the data for whoever maps the file.
  text.append((8 - text.size() % 8) % 8, ' ');
  std::string out(8, '\0');
  storeLE64(text.size(), reinterpret_cast<uint8_t*>(out.data()));
  return out + text;
}

// Hands each tensor's data, as little-endian F32, to sink(bytes, count), in the header's order.
// Large tensors go straight from their storage, so writing a model never copies it whole.
template <class Sink>
void encodeData(const NamedTensors& tensors, Sink&& sink) {
  for (const auto& [name, t] : tensors) {
    if (t.numel() == 0) continue;
    if (kRawF32) {
      sink(reinterpret_cast<const char*>(t.data()), 4 * static_cast<size_t>(t.numel()));
      continue;
    }
    constexpr int64_t kChunk = 4096;
    uint8_t chunk[4 * kChunk];
    for (int64_t begin = 0; begin < t.numel(); begin += kChunk) {
      const int64_t n = std::min(kChunk, t.numel() - begin);
      for (int64_t i = 0; i < n; ++i)
        storeLE32(std::bit_cast<uint32_t>(toFloat(t[begin + i])), chunk + 4 * i);
      sink(reinterpret_cast<const char*>(chunk), 4 * static_cast<size_t>(n));
    }
  }
}

}  // namespace

const Tensor* SafetensorsFile::find(const std::string& name) const {
  for (const auto& [n, t] : tensors)
    if (n == name) return &t;
  return nullptr;
}

const Tensor& SafetensorsFile::at(const std::string& name) const {
  if (const Tensor* t = find(name)) return *t;
  throw Error("'" + source + "' has no tensor " + quoted(name));
}

SafetensorsFile readSafetensors(const std::string& path) {
  namespace fs = std::filesystem;
  const std::string prefix = "cannot read '" + path + "': ";
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec) throw Error(prefix + ec.message());
  if (!fs::exists(status)) throw Error(prefix + "no such file");
  if (!fs::is_regular_file(status)) throw Error(prefix + "not a regular file");
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) throw Error(prefix + ec.message());

  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(prefix + std::strerror(errno));
  const ReadAt readAt = [&](uint64_t offset, uint64_t count, uint8_t* dst) {
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(reinterpret_cast<char*>(dst), static_cast<std::streamsize>(count));
    if (!in || static_cast<uint64_t>(in.gcount()) != count)
      throw Error(prefix + "reading bytes " + byteRange(offset, offset + count) +
                  " failed (the file changed while being read, or a read error)");
  };
  return load(path, size, readAt);
}

SafetensorsFile parseSafetensors(const uint8_t* data, size_t size,
                                 const std::string& nameForErrors) {
  // load() never asks for bytes beyond `size`; memcpy is safe on the checked ranges.
  const ReadAt readAt = [data](uint64_t offset, uint64_t count, uint8_t* dst) {
    std::memcpy(dst, data + offset, count);
  };
  return load(nameForErrors, size, readAt);
}

std::vector<uint8_t> serializeSafetensors(const NamedTensors& tensors, const Metadata& metadata) {
  const std::string header = encodeHeader(tensors, metadata, "cannot write safetensors data: ");
  std::vector<uint8_t> out(header.begin(), header.end());
  encodeData(tensors,
             [&](const char* bytes, size_t count) { out.insert(out.end(), bytes, bytes + count); });
  return out;
}

void writeSafetensors(const std::string& path, const NamedTensors& tensors,
                      const Metadata& metadata) {
  // Everything that can go wrong with the tensors goes wrong before the disk is touched.
  const std::string header = encodeHeader(tensors, metadata, "cannot write '" + path + "': ");
  writeFileAtomically(path, [&](std::ostream& out) {
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    encodeData(tensors, [&](const char* bytes, size_t count) {
      out.write(bytes, static_cast<std::streamsize>(count));
    });
  });
}

}  // namespace attn::inline ATTN_PRECISION
