// The safetensors reader and writer (core/io/safetensors.h): round trips, files written on the
// PyTorch side, dtype conversion, and writes that never damage an existing file. Malformed
// files are in safetensors_malformed_test.cpp, the golden files in safetensors_golden_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>

#include "golden.h"

#include "safetensors_test_util.h"

namespace attn {
namespace {

using namespace safetensors_test;
using test::testDataPath;

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

}  // namespace
}  // namespace attn
