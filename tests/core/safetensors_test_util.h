// What the safetensors tests share: temporary folders, raw bytes, hand-built (malformed)
// files, bitwise comparison, the sample tensors of the round trips.
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "io/safetensors.h"
#include "util/check.h"

namespace attn::safetensors_test {

namespace fs = std::filesystem;

// A fresh folder under the system's temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;  // per test file: the random part keeps folders apart
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

inline std::vector<uint8_t> readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

inline void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

// A file from a header written by hand and raw data: the way to build malformed files.
inline std::vector<uint8_t> rawFile(const std::string& header,
                                    const std::vector<uint8_t>& data = {}) {
  std::vector<uint8_t> out;
  out.reserve(8 + header.size() + data.size());
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<uint8_t>(header.size() >> (8 * i)));
  out.insert(out.end(), header.begin(), header.end());
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

inline std::vector<uint8_t> f32Bytes(const std::vector<float>& values) {
  std::vector<uint8_t> out(4 * values.size());
  std::memcpy(out.data(), values.data(), out.size());  // the test machine is little-endian
  return out;
}

// Bitwise equality, so that -0.0, infinities and NaN payloads count.
inline bool sameBits(const Tensor& a, const Tensor& b) {
  if (a.shape() != b.shape()) return false;
  return a.numel() == 0 ||  // memcmp must not see the null data pointer of an empty tensor
         std::memcmp(a.data(), b.data(), sizeof(Scalar) * static_cast<size_t>(a.numel())) == 0;
}

// Reading `bytes` must throw attn::Error whose message names the file and contains `expected`.
inline ::testing::AssertionResult rejects(const std::vector<uint8_t>& bytes,
                                          const std::string& expected) {
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

inline NamedTensors sampleTensors() {
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

inline const Metadata kSampleMetadata = {
    {"format", "attention-studio.model/1"},
    {"config", R"({"arch": "transformer", "d_model": 6, "src_vocab": ["<pad>", "é", "猫"]})"},
    {"empty", ""},
};

inline void expectSameContents(const NamedTensors& expected, const SafetensorsFile& got) {
  ASSERT_EQ(got.tensors.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(got.tensors[i].first, expected[i].first) << "file order is kept";
    EXPECT_TRUE(sameBits(got.tensors[i].second, expected[i].second)) << expected[i].first;
  }
}

}  // namespace attn::safetensors_test
