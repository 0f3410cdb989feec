// Base64 as RFC 4648 §10's test vectors give it, and binary data through and back.
#include <gtest/gtest.h>

#include "data/base64.h"
#include "util/check.h"

namespace attn::data {
namespace {

TEST(Base64, Rfc4648Vectors) {
  const std::vector<std::pair<std::string, std::string>> cases = {{"", ""},
                                                                  {"f", "Zg=="},
                                                                  {"fo", "Zm8="},
                                                                  {"foo", "Zm9v"},
                                                                  {"foob", "Zm9vYg=="},
                                                                  {"fooba", "Zm9vYmE="},
                                                                  {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : cases) {
    EXPECT_EQ(encodeBase64(plain), encoded);
    EXPECT_EQ(decodeBase64(encoded), plain);
  }
}

TEST(Base64, BinaryRoundTripAndErrors) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  EXPECT_EQ(decodeBase64(encodeBase64(bytes)), bytes);
  EXPECT_THROW(decodeBase64("Zm9"), Error);
  EXPECT_THROW(decodeBase64("Zm!v"), Error);
  EXPECT_THROW(decodeBase64("Z=9v"), Error);
  EXPECT_THROW(decodeBase64("Zg==Zg=="), Error);
}

}  // namespace
}  // namespace attn::data
