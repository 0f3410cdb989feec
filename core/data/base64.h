// Base64 (RFC 4648, standard alphabet, with padding): how binary data — a trained SentencePiece
// model — travels in a model file's string metadata.
#pragma once

#include <string>
#include <string_view>

namespace attn::data {

std::string encodeBase64(std::string_view bytes);
// Throws attn::Error on a character outside the alphabet or a length that is not a multiple of 4.
std::string decodeBase64(std::string_view text);

}  // namespace attn::data
