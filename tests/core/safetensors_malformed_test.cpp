// Every kind of malformed safetensors file a user could hand us: each must be one attn::Error
// naming the file and the problem, never a crash.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "golden.h"

#include "safetensors_test_util.h"

namespace attn {
namespace {

using namespace safetensors_test;
using test::testDataPath;

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

}  // namespace
}  // namespace attn
