// The safetensors reader and writer (core/io/safetensors.h): round trips, files written on the
// PyTorch side, dtype conversion, every kind of malformed file a user could hand us (each must
// be one attn::Error naming the file and the problem, never a crash), writes that never damage
// an existing file, and the golden files every other engine test depends on.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <regex>
#include <set>

#include "golden.h"
#include "io/safetensors.h"
#include "util/check.h"

namespace attn {
namespace {

namespace fs = std::filesystem;
using test::testDataPath;

// A fresh folder under the system's temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("attn_safetensors_test_" +
             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             std::to_string(counter++) + "_" + std::to_string(std::random_device{}()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::vector<uint8_t> readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

// A file from a header written by hand and raw data: the way to build malformed files.
std::vector<uint8_t> rawFile(const std::string& header, const std::vector<uint8_t>& data = {}) {
  std::vector<uint8_t> out;
  out.reserve(8 + header.size() + data.size());
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<uint8_t>(header.size() >> (8 * i)));
  out.insert(out.end(), header.begin(), header.end());
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

std::vector<uint8_t> f32Bytes(const std::vector<float>& values) {
  std::vector<uint8_t> out(4 * values.size());
  std::memcpy(out.data(), values.data(), out.size());  // the test machine is little-endian
  return out;
}

// Bitwise equality, so that -0.0, infinities and NaN payloads count.
bool sameBits(const Tensor& a, const Tensor& b) {
  if (a.shape() != b.shape()) return false;
  return a.numel() == 0 ||  // memcmp must not see the null data pointer of an empty tensor
         std::memcmp(a.data(), b.data(), sizeof(Scalar) * static_cast<size_t>(a.numel())) == 0;
}

// Reading `bytes` must throw attn::Error whose message names the file and contains `expected`.
::testing::AssertionResult rejects(const std::vector<uint8_t>& bytes, const std::string& expected) {
  try {
    parseSafetensors(bytes.data(), bytes.size(), "bad.safetensors");
  } catch (const Error& e) {
    const std::string what = e.what();
    if (what.find("'bad.safetensors'") == std::string::npos)
      return ::testing::AssertionFailure() << "message does not name the file: " << what;
    if (what.find(expected) == std::string::npos)
      return ::testing::AssertionFailure() << "message lacks \"" << expected << "\": " << what;
    return ::testing::AssertionSuccess() << what;
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << "threw something other than attn::Error: " << e.what();
  }
  return ::testing::AssertionFailure() << "accepted a bad file (expected \"" << expected << "\")";
}

NamedTensors sampleTensors() {
  const Scalar inf = std::numeric_limits<Scalar>::infinity();
  return {
      {"scalar", Tensor::scalar(Scalar(-3.25))},
      {"vector", Tensor::fromVector({5}, {1, -0.0f, inf, -inf, 1e-42f})},
      {"encoder.rnn.weight_ih_l0", Tensor::fromVector({2, 3}, {1, 2, 3, 4, 5, 6})},
      {"rank3", Tensor::fromVector({2, 1, 3}, {0.5f, 0.25f, 0.125f, -1, -2, -3})},
      {"rank4", Tensor::full({1, 2, 3, 2}, Scalar(0.1))},
      {"empty", Tensor::zeros({0, 5})},
      {"nan", Tensor::fromVector({2}, {std::numeric_limits<Scalar>::quiet_NaN(), 7})},
  };
}

const Metadata kSampleMetadata = {
    {"format", "attention-studio.model/1"},
    {"config", R"({"arch": "transformer", "d_model": 6, "src_vocab": ["<pad>", "é", "猫"]})"},
    {"empty", ""},
};

void expectSameContents(const NamedTensors& expected, const SafetensorsFile& got) {
  ASSERT_EQ(got.tensors.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(got.tensors[i].first, expected[i].first) << "file order is kept";
    EXPECT_TRUE(sameBits(got.tensors[i].second, expected[i].second)) << expected[i].first;
  }
}

// ---------------------------------------------------------------- round trips

TEST(SafetensorsTest, RoundTripKeepsShapesValuesOrderAndMetadata) {
  TempDir dir;
  const std::string path = dir.file("model.safetensors");
  writeSafetensors(path, sampleTensors(), kSampleMetadata);
  const SafetensorsFile f = readSafetensors(path);
  expectSameContents(sampleTensors(), f);
  EXPECT_EQ(f.metadata, kSampleMetadata);
  EXPECT_EQ(f.source, path);
  EXPECT_EQ(f.find("rank4")->shape(), Shape({1, 2, 3, 2}));
  EXPECT_EQ(f.find("scalar")->rank(), 0);
  EXPECT_EQ(f.find("missing"), nullptr);

  // The header is padded so the data starts 8-byte aligned, as the format recommends.
  const std::vector<uint8_t> bytes = readBytes(path);
  uint64_t headerBytes = 0;
  std::memcpy(&headerBytes, bytes.data(), 8);
  EXPECT_EQ(headerBytes % 8, 0u);
  EXPECT_EQ(bytes, serializeSafetensors(sampleTensors(), kSampleMetadata));
}

TEST(SafetensorsTest, RoundTripInMemoryWithoutMetadata) {
  const std::vector<uint8_t> bytes = serializeSafetensors(sampleTensors());
  const SafetensorsFile f = parseSafetensors(bytes.data(), bytes.size(), "memory");
  expectSameContents(sampleTensors(), f);
  EXPECT_TRUE(f.metadata.empty());
  // Without metadata the header has no "__metadata__" entry at all.
  const std::string text(bytes.begin() + 8, bytes.end());
  EXPECT_EQ(text.find("__metadata__"), std::string::npos);
}

TEST(SafetensorsTest, EmptyFileRoundTrips) {
  const std::vector<uint8_t> bytes = serializeSafetensors({}, {{"note", "nothing here"}});
  const SafetensorsFile f = parseSafetensors(bytes.data(), bytes.size(), "memory");
  EXPECT_TRUE(f.tensors.empty());
  EXPECT_EQ(f.metadata.at("note"), "nothing here");
}

TEST(SafetensorsTest, AtNamesFileAndTensorWhenMissing) {
  const std::vector<uint8_t> bytes = serializeSafetensors(sampleTensors());
  const SafetensorsFile f = parseSafetensors(bytes.data(), bytes.size(), "m.safetensors");
  EXPECT_EQ(f.at("scalar").item(), Scalar(-3.25));
  try {
    f.at("decoder.out.weight");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'m.safetensors'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("'decoder.out.weight'"), std::string::npos) << e.what();
  }
}

// ---------------------------------------------------------------- files from PyTorch

TEST(SafetensorsTest, ReadsFileWrittenByPython) {
  const SafetensorsFile f = readSafetensors(testDataPath("safetensors/pytorch_small.safetensors"));
  std::vector<std::string> names;
  for (const auto& [name, t] : f.tensors) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"arange", "scalar", "empty", "vector", "linear.weight",
                                             "linear.bias"}));
  const Tensor& arange = f.at("arange");
  ASSERT_EQ(arange.shape(), Shape({2, 3, 4}));
  for (int64_t i = 0; i < 24; ++i) EXPECT_EQ(arange[i], Scalar(i));
  EXPECT_EQ(f.at("scalar").rank(), 0);
  EXPECT_EQ(f.at("scalar").item(), Scalar(3.5));
  EXPECT_EQ(f.at("empty").shape(), Shape({0, 3}));
  const Tensor& v = f.at("vector");
  ASSERT_EQ(v.numel(), 5);
  EXPECT_EQ(v[0], Scalar(1.5));
  EXPECT_EQ(v[1], Scalar(-2.25));
  EXPECT_EQ(v[2], Scalar(1e-3f));
  EXPECT_EQ(v[3], Scalar(3.0e38f));
  EXPECT_TRUE(v[4] == 0 && std::signbit(v[4]));
  EXPECT_EQ(f.at("linear.weight").shape(), Shape({2, 3}));
  EXPECT_EQ(f.at("linear.weight")[5], Scalar(0.25));
  EXPECT_EQ(f.at("linear.bias")[0], Scalar(-1));
  EXPECT_EQ(f.metadata.at("framework"), "pytorch");
  EXPECT_EQ(f.metadata.at("note"), "héllo, wörld ✓");
  EXPECT_FALSE(f.metadata.at("torch_version").empty());
}

// X_as_f32 in the file is torch's own conversion of X: ours must agree bit for bit.
TEST(SafetensorsTest, ConvertsF16BF16AndF64AsPyTorchDoes) {
  const SafetensorsFile f = readSafetensors(testDataPath("safetensors/dtypes.safetensors"));
  for (const std::string name : {"f16", "bf16", "f64", "f16_matrix"}) {
    SCOPED_TRACE(name);
    const Tensor& ours = f.at(name);
    const Tensor& torch = f.at(name + "_as_f32");
    ASSERT_EQ(ours.shape(), torch.shape());
    for (int64_t i = 0; i < ours.numel(); ++i) {
      if (std::isnan(torch[i])) {
        EXPECT_TRUE(std::isnan(ours[i])) << i;
      } else {
        EXPECT_EQ(ours[i], torch[i]) << i;
        EXPECT_EQ(std::signbit(ours[i]), std::signbit(torch[i])) << i;
      }
    }
  }
  // A few values worked out by hand.
  const Tensor& f16 = f.at("f16");
  EXPECT_EQ(f16[4], Scalar(0.333251953125));        // 1/3 rounded to 10 mantissa bits
  EXPECT_EQ(f16[5], Scalar(65504));                 // the largest half
  EXPECT_TRUE(std::isinf(f16[6]));                  // 1e5 overflows half
  EXPECT_EQ(f16[7], Scalar(std::ldexp(1.0, -24)));  // 6e-8: the smallest subnormal half
  const Tensor& f64 = f.at("f64");
  EXPECT_EQ(f64[0], Scalar(1.0 / 3.0));
  EXPECT_TRUE(std::isinf(f64[4]) && f64[4] > 0);  // 1e300 is beyond float
  EXPECT_TRUE(std::isinf(f64[5]) && f64[5] < 0);
}

TEST(SafetensorsTest, ConvertsEveryHalfBitPattern) {
  // All 65536 halves in one F16 tensor; checked against the value each encodes.
  std::vector<uint8_t> data(2 * 65536);
  for (uint32_t h = 0; h < 65536; ++h) {
    data[2 * h] = static_cast<uint8_t>(h);
    data[2 * h + 1] = static_cast<uint8_t>(h >> 8);
  }
  const auto bytes =
      rawFile(R"({"h":{"dtype":"F16","shape":[65536],"data_offsets":[0,131072]}})", data);
  const Tensor t = parseSafetensors(bytes.data(), bytes.size(), "halves").at("h");
  for (uint32_t h = 0; h < 65536; ++h) {
    const int exponent = (h >> 10) & 0x1f;
    const int mantissa = h & 0x3ff;
    const double sign = (h & 0x8000) ? -1.0 : 1.0;
    double expected;
    if (exponent == 0x1f)
      expected = mantissa ? std::numeric_limits<double>::quiet_NaN() : sign * INFINITY;
    else if (exponent == 0)
      expected = sign * std::ldexp(mantissa, -24);
    else
      expected = sign * std::ldexp(1024 + mantissa, exponent - 25);
    if (std::isnan(expected)) {
      EXPECT_TRUE(std::isnan(t[h])) << h;
    } else {
      ASSERT_EQ(static_cast<double>(t[h]), expected) << "half bits " << h;
      ASSERT_EQ(std::signbit(t[h]), std::signbit(expected)) << h;
    }
  }
}

// ---------------------------------------------------------------- malformed files

TEST(SafetensorsTest, RejectsEveryTruncation) {
  const std::vector<uint8_t> good = serializeSafetensors(sampleTensors(), kSampleMetadata);
  for (size_t n = 0; n < good.size(); ++n) {
    const std::vector<uint8_t> cut(good.begin(), good.begin() + static_cast<ptrdiff_t>(n));
    EXPECT_TRUE(rejects(cut, "")) << "truncated to " << n << " bytes";
  }
  EXPECT_TRUE(rejects({1, 2, 3}, "too short"));
  EXPECT_TRUE(rejects(std::vector<uint8_t>(good.begin(), good.begin() + 20),
                      "larger than the rest of the file"));
  EXPECT_TRUE(rejects(std::vector<uint8_t>(good.begin(), good.end() - 4), "beyond the end"));
}

TEST(SafetensorsTest, RejectsTruncatedFileOnDiskNamingThePath) {
  TempDir dir;
  const std::string path = dir.file("cut.safetensors");
  std::vector<uint8_t> bytes = serializeSafetensors(sampleTensors());
  bytes.resize(bytes.size() / 2);
  writeBytes(path, bytes);
  try {
    readSafetensors(path);
    FAIL() << "accepted a truncated file";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

TEST(SafetensorsTest, RejectsMissingFileAndDirectory) {
  TempDir dir;
  EXPECT_THROW(readSafetensors(dir.file("absent.safetensors")), Error);
  EXPECT_THROW(readSafetensors(dir.path().string()), Error);
}

TEST(SafetensorsTest, RejectsHeaderLengthBeyondTheLimit) {
  // A sparse file just over the limit: the header length fits in the file but not the limit.
  TempDir dir;
  const std::string path = dir.file("huge.safetensors");
  const uint64_t headerBytes = kMaxSafetensorsHeaderBytes + 1;
  std::vector<uint8_t> length(8);
  for (int i = 0; i < 8; ++i)
    length[static_cast<size_t>(i)] = static_cast<uint8_t>(headerBytes >> (8 * i));
  writeBytes(path, length);
  fs::resize_file(path, 8 + headerBytes + 16);
  try {
    readSafetensors(path);
    FAIL() << "accepted a header over the limit";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("limit"), std::string::npos) << e.what();
  }
}

TEST(SafetensorsTest, RejectsBadJson) {
  EXPECT_TRUE(rejects(rawFile(R"({"a": {"dtype": "F32",)"), "not valid JSON"));
  EXPECT_TRUE(rejects(rawFile(""), "not valid JSON"));
  EXPECT_TRUE(rejects(rawFile("{\"a\xff\": 1}"), "not valid JSON"));  // not UTF-8
  EXPECT_TRUE(rejects(rawFile("[1, 2]"), "not a JSON object"));
  EXPECT_TRUE(rejects(rawFile(R"({"a": 3})"), "'a' is not described by a JSON object"));
}

TEST(SafetensorsTest, RejectsEntriesWithMissingOrMistypedFields) {
  const auto data = f32Bytes({1, 2});
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"shape":[2],"data_offsets":[0,8]}})", data),
                      "'w' has no string \"dtype\""));
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"dtype":"F32","shape":"2","data_offsets":[0,8]}})", data),
                      "'w' has no \"shape\""));
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", data),
                      "non-negative"));
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"dtype":"F32","shape":[2.0],"data_offsets":[0,8]}})", data),
                      "non-negative integers"));
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0]}})", data),
                      "'w' has no \"data_offsets\" pair"));
  EXPECT_TRUE(
      rejects(rawFile(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0.0,8.0]}})", data),
              "'w' has no \"data_offsets\" pair"));
  EXPECT_TRUE(rejects(
      rawFile(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,18446744073709551616]}})", data),
      "'w' has no \"data_offsets\" pair"));
}

TEST(SafetensorsTest, RejectsOffsetsOutOfRange) {
  EXPECT_TRUE(
      rejects(rawFile(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", f32Bytes({1})),
              "'w' has data_offsets [0, 8) beyond the end of the data (4 bytes)"));
  EXPECT_TRUE(rejects(
      rawFile(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}})", f32Bytes({1, 2})),
      "end before they begin"));
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"dtype":"F32","shape":[2],
      "data_offsets":[18446744073709551608,18446744073709551615]}})",
                              f32Bytes({1, 2})),
                      "beyond the end of the data"));
}

TEST(SafetensorsTest, RejectsOverlapsHolesAndUnusedBytes) {
  const auto data = f32Bytes({1, 2, 3});
  EXPECT_TRUE(rejects(rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},
                                  "b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                              data),
                      "tensors 'a' [0, 8) and 'b' [4, 12) overlap"));
  // The same range twice is an overlap too (two names for one set of bytes).
  EXPECT_TRUE(rejects(rawFile(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,12]},
                                  "b":{"dtype":"F32","shape":[3],"data_offsets":[0,12]}})",
                              data),
                      "overlap"));
  EXPECT_TRUE(rejects(rawFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},
                                  "b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})",
                              data),
                      "bytes [4, 8) of the data belong to no tensor"));
  EXPECT_TRUE(rejects(rawFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", data),
                      "the last 4 bytes of the data belong to no tensor"));
  // Listed out of order but tiling the buffer exactly is fine; so are empty tensors.
  const auto ok = rawFile(R"({"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]},
                              "e":{"dtype":"F32","shape":[0,4],"data_offsets":[8,8]},
                              "a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})",
                          data);
  const SafetensorsFile f = parseSafetensors(ok.data(), ok.size(), "ok");
  EXPECT_EQ(f.tensors[0].first, "b");
  EXPECT_EQ(f.at("b")[0], Scalar(3));
  EXPECT_EQ(f.at("a")[1], Scalar(2));
  EXPECT_EQ(f.at("e").shape(), Shape({0, 4}));
}

TEST(SafetensorsTest, RejectsShapeThatDoesNotMatchTheBytes) {
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}})",
                              std::vector<uint8_t>(20)),
                      "'w' of shape [2, 3] and dtype F32 needs 24 bytes, but its data_offsets "
                      "[0, 20) hold 20"));
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"dtype":"F16","shape":[3],"data_offsets":[0,12]}})",
                              std::vector<uint8_t>(12)),
                      "needs 6 bytes"));
  // Products that overflow 64 bits must not wrap around to a small "matching" size.
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"dtype":"F32",
      "shape":[4294967296,4294967296],"data_offsets":[0,0]}})"),
                      "impossibly large shape"));
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"dtype":"F32",
      "shape":[0,18446744073709551615],"data_offsets":[0,0]}})"),
                      "impossibly large shape"));
}

TEST(SafetensorsTest, RejectsUnsupportedDtypeNamingTheTensor) {
  EXPECT_TRUE(rejects(rawFile(R"({"ids":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}})",
                              std::vector<uint8_t>(8)),
                      "tensor 'ids' has dtype 'I64', which cannot be read"));
  EXPECT_TRUE(rejects(rawFile(R"({"x":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}})",
                              std::vector<uint8_t>(1)),
                      "'F8_E4M3'"));
  EXPECT_TRUE(rejects(
      rawFile(R"({"x":{"dtype":"f32","shape":[1],"data_offsets":[0,4]}})", std::vector<uint8_t>(4)),
      "'f32'"));
}

TEST(SafetensorsTest, RejectsNonStringMetadata) {
  EXPECT_TRUE(rejects(rawFile(R"({"__metadata__":{"epoch":3}})"),
                      "metadata 'epoch' is not a string (it is number)"));
  EXPECT_TRUE(rejects(rawFile(R"({"__metadata__":{"config":{"arch":"x"}}})"),
                      "metadata 'config' is not a string"));
  EXPECT_TRUE(rejects(rawFile(R"({"__metadata__":["a"]})"), "__metadata__ is not a JSON object"));
}

TEST(SafetensorsTest, RejectsRankAboveFour) {
  EXPECT_TRUE(rejects(rawFile(R"({"t5":{"dtype":"F32","shape":[1,1,1,1,2],"data_offsets":[0,8]}})",
                              f32Bytes({1, 2})),
                      "'t5' has 5 dimensions [1,1,1,1,2]; at most 4 are supported"));
}

TEST(SafetensorsTest, RejectsDuplicateNamesAndAbsurdNesting) {
  EXPECT_TRUE(rejects(rawFile(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},
                                  "w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})",
                              f32Bytes({1})),
                      "lists 'w' twice"));
  EXPECT_TRUE(
      rejects(rawFile(R"({"w":{"dtype":"F32","shape":[[[[1]]]],"data_offsets":[0,4]}})"), "nests"));
  std::string longShape = R"({"w":{"dtype":"F32","shape":[1)";
  for (int i = 0; i < 100000; ++i) longShape += ",1";
  EXPECT_TRUE(rejects(rawFile(longShape + R"(],"data_offsets":[0,4]}})"), "far longer"));
}

// Random damage to a valid file must never crash or escape as anything but attn::Error.
TEST(SafetensorsTest, RandomCorruptionIsAlwaysACleanError) {
  const std::vector<uint8_t> good = serializeSafetensors(sampleTensors(), kSampleMetadata);
  std::mt19937 rng(1234);
  int accepted = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<uint8_t> bad = good;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < flips; ++k) {
      // Mostly the length and the header, where the structure is.
      const size_t limit = rng() % 4 == 0 ? bad.size() : std::min<size_t>(bad.size(), 400);
      bad[rng() % limit] = static_cast<uint8_t>(rng());
    }
    try {
      parseSafetensors(bad.data(), bad.size(), "fuzz");
      ++accepted;  // damage to data bytes, or to a header byte that changed nothing structural
    } catch (const Error&) {
    } catch (const std::exception& e) {
      FAIL() << "trial " << trial << " escaped as " << e.what();
    }
  }
  EXPECT_LT(accepted, 3000);
}

// ---------------------------------------------------------------- writing

TEST(SafetensorsTest, FailedWriteLeavesExistingFileUntouched) {
  TempDir dir;
  const std::string path = dir.file("model.safetensors");
  writeSafetensors(path, sampleTensors(), kSampleMetadata);
  const std::vector<uint8_t> before = readBytes(path);

  // Bad tensors: refused before the disk is touched.
  NamedTensors duplicate = {{"w", Tensor::zeros({2})}, {"w", Tensor::zeros({3})}};
  try {
    writeSafetensors(path, duplicate);
    FAIL() << "wrote duplicate names";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("two tensors are named 'w'"), std::string::npos);
  }
  EXPECT_EQ(readBytes(path), before);

  // A folder whose files cannot be created (skipped when running as root, which can).
  const fs::path locked = dir.path() / "locked";
  fs::create_directory(locked);
  const std::string lockedFile = (locked / "model.safetensors").string();
  writeSafetensors(lockedFile, sampleTensors());
  const std::vector<uint8_t> lockedBefore = readBytes(lockedFile);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  const bool canStillCreate = std::ofstream((locked / "probe").string()).good();
  if (!canStillCreate) {
    EXPECT_THROW(writeSafetensors(lockedFile, {{"x", Tensor::zeros({1})}}), Error);
    EXPECT_EQ(readBytes(lockedFile), lockedBefore);
  }
  fs::permissions(locked, fs::perms::owner_all);

  // Only the target remains: no temporary file is left behind by the failures.
  std::set<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir.path()))
    left.insert(entry.path().filename().string());
  EXPECT_EQ(left, (std::set<std::string>{"model.safetensors", "locked"}));
}

TEST(SafetensorsTest, WriteErrorsNameThePath) {
  TempDir dir;
  const std::string missing = dir.file("no/such/folder/model.safetensors");
  try {
    writeSafetensors(missing, sampleTensors());
    FAIL() << "wrote into a missing folder";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
  }
  // A directory in the way of the target: the rename fails, the directory stays.
  const fs::path blocker = dir.path() / "model.safetensors";
  fs::create_directory(blocker);
  EXPECT_THROW(writeSafetensors(blocker.string(), sampleTensors()), Error);
  EXPECT_TRUE(fs::is_directory(blocker));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(SafetensorsTest, WriterRefusesBadNamesAndStrings) {
  EXPECT_THROW(serializeSafetensors({{"", Tensor::zeros({1})}}), Error);
  EXPECT_THROW(serializeSafetensors({{"__metadata__", Tensor::zeros({1})}}), Error);
  EXPECT_THROW(serializeSafetensors({{"w", Tensor()}}), Error);
  EXPECT_THROW(serializeSafetensors({{"w\xff", Tensor::zeros({1})}}), Error);
  EXPECT_THROW(serializeSafetensors({}, {{"k", "\xc3"}}), Error);
}

// ---------------------------------------------------------------- the golden files

// A golden folder's README.md lists each file ("## `name.safetensors`") and its tensors
// ("| `tensor` | [shape] | what |"). Other engineers' tests rely on it: every listed tensor must
// exist with that shape, every tensor must be listed, and every file must be described.
void checkAgainstReadme(const fs::path& dir) {
  SCOPED_TRACE(dir.string());
  std::ifstream readme(dir / "README.md");
  ASSERT_TRUE(readme) << "missing README.md";
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> listed;
  const std::regex section(R"(^## `([^`]+\.safetensors)`\s*$)");
  const std::regex row(R"(^\| `([^`]+)` \| (\[[0-9, ]*\]) \|)");
  std::string line, current;
  for (std::smatch m; std::getline(readme, line);) {
    if (std::regex_match(line, m, section)) {
      current = m[1];
      listed[current];
    } else if (!current.empty() && std::regex_search(line, m, row)) {
      listed[current].emplace_back(m[1], m[2]);
    }
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    if (entry.path().extension() == ".safetensors") {
      EXPECT_TRUE(listed.count(file)) << file << " is not in the README";
    }
  }
  for (const auto& [file, tensors] : listed) {
    SCOPED_TRACE(file);
    SafetensorsFile f;
    try {
      f = readSafetensors((dir / file).string());
    } catch (const Error& e) {
      ADD_FAILURE() << e.what();
      continue;
    }
    const auto version = f.metadata.find("torch_version");
    EXPECT_TRUE(version != f.metadata.end() && !version->second.empty())
        << "no torch_version in __metadata__";
    EXPECT_EQ(tensors.size(), f.tensors.size()) << "README and file list different tensors";
    for (const auto& [name, shape] : tensors) {
      const Tensor* t = f.find(name);
      ASSERT_NE(t, nullptr) << "README lists " << name;
      EXPECT_EQ(t->shape().toString(), shape) << name;
      for (int64_t i = 0; i < t->numel(); ++i)
        ASSERT_FALSE(std::isnan((*t)[i])) << name << " holds NaN";
    }
  }
}

// The goldens of tools/make_goldens.py (tests/data/golden/*.safetensors) agree with their README.
TEST(SafetensorsTest, GoldenFilesMatchTheirReadme) {
  const fs::path root = testDataPath("golden");
  checkAgainstReadme(root);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(root))
    files += entry.path().extension() == ".safetensors";
  EXPECT_GE(files, 20);
}

// Golden files from other generators (subfolders such as models/) must be readable by the engine
// too, and agree with their folder's README where there is one.
TEST(SafetensorsTest, GoldenSubfoldersReadAndMatchTheirReadmes) {
  const fs::path root = testDataPath("golden");
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    if (fs::exists(entry.path() / "README.md")) {
      checkAgainstReadme(entry.path());  // which also reads every file
      continue;
    }
    for (const auto& file : fs::directory_iterator(entry.path())) {
      if (file.path().extension() != ".safetensors") continue;
      try {
        readSafetensors(file.path().string());
      } catch (const Error& e) {
        ADD_FAILURE() << e.what();
      }
    }
  }
}

// The helper other tests compare with: it must pass equal tensors and explain a failure.
TEST(SafetensorsTest, AllCloseReportsTheWorstElement) {
  const Tensor a = Tensor::fromVector({2, 2}, {1, 2, 3, 4});
  Tensor b = a;
  EXPECT_TRUE(test::allClose(a, b));
  b[3] = Scalar(4.5);
  const ::testing::AssertionResult r = test::allClose(a, b, 1e-5, 1e-5);
  EXPECT_FALSE(r);
  EXPECT_NE(std::string(r.message()).find("[1, 1]"), std::string::npos) << r.message();
  EXPECT_FALSE(test::allClose(a, Tensor::zeros({4})));
}

}  // namespace
}  // namespace attn
