// States.Base64Encode, States.Base64Decode and States.Hash (digests from OpenSSL's libcrypto).
#include <openssl/evp.h>

#include <array>

#include "runtime/eval/intrinsic_args.h"
#include "runtime/eval/intrinsic_functions.h"

namespace asl::eval::intrinsics {

namespace {

/// AWS's documented input cap for the encoding and hashing functions, in Java characters.
constexpr size_t kMaxInputChars = 10000;

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Unexpected<ExecError> tooLong(IntrinsicId id, size_t chars) {
  return intrinsicFailure(id, "the input holds " + std::to_string(chars) +
                                  " characters, more than the " + std::to_string(kMaxInputChars) +
                                  " allowed");
}

/// The algorithms AWS names, spelled as it spells them.
const EVP_MD* digestNamed(std::string_view name) {
  if (name == "MD5") return EVP_md5();
  if (name == "SHA-1") return EVP_sha1();
  if (name == "SHA-256") return EVP_sha256();
  if (name == "SHA-384") return EVP_sha384();
  if (name == "SHA-512") return EVP_sha512();
  return nullptr;
}

} // namespace

std::string encodeBase64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t n = static_cast<uint8_t>(bytes[i]) << 16 |
                       static_cast<uint8_t>(bytes[i + 1]) << 8 | static_cast<uint8_t>(bytes[i + 2]);
    out += kBase64Alphabet[n >> 18 & 63];
    out += kBase64Alphabet[n >> 12 & 63];
    out += kBase64Alphabet[n >> 6 & 63];
    out += kBase64Alphabet[n & 63];
  }
  const size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
    if (rest == 2) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    out += kBase64Alphabet[n >> 18 & 63];
    out += kBase64Alphabet[n >> 12 & 63];
    out += rest == 2 ? kBase64Alphabet[n >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> decodeBase64(std::string_view text) {
  // Padding, when present, ends the data: strip it, then the rest must be whole digits.
  size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  const std::string_view digits = text.substr(0, text.size() - padding);
  // With padding the whole text is groups of four; a lone digit never encodes a byte.
  if ((padding > 0 && text.size() % 4 != 0) || digits.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(digits.size() / 4 * 3 + 2);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : digits) {
    const int d = base64Digit(c);
    if (d < 0) return std::nullopt;
    buffer = buffer << 6 | static_cast<uint32_t>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>(buffer >> bits & 0xFF);
    }
  }
  return out;
}

namespace {

// The input's length in UTF-16 units when it is over AWS's limit, else 0. A string never has
// more UTF-16 units than UTF-8 bytes, so short ones are not counted.
size_t charsBeyondLimit(std::string_view text) {
  if (text.size() <= kMaxInputChars) return 0;
  const size_t chars = utf16Length(text);
  return chars > kMaxInputChars ? chars : 0;
}

} // namespace

ExecResult<Value> base64Encode(Args args) {
  constexpr IntrinsicId id = IntrinsicId::Base64Encode;
  auto text = stringArg(id, args, 0);
  if (!text) return Unexpected<ExecError>{std::move(text).error()};
  if (const size_t chars = charsBeyondLimit(*text)) return tooLong(id, chars);
  return Value::string(encodeBase64(*text));
}

ExecResult<Value> base64Decode(Args args) {
  constexpr IntrinsicId id = IntrinsicId::Base64Decode;
  auto text = stringArg(id, args, 0);
  if (!text) return Unexpected<ExecError>{std::move(text).error()};
  if (const size_t chars = charsBeyondLimit(*text)) return tooLong(id, chars);
  std::optional<std::string> bytes = decodeBase64(*text);
  if (!bytes) return intrinsicFailure(id, "the input is not valid base64");
  // Bytes that are not UTF-8 stay as they are; the JSON writer prints them as U+FFFD, as
  // Java's new String(bytes, UTF_8) reads them.
  return Value::string(*bytes);
}

ExecResult<Value> hash(Args args) {
  // intrinsics.def lets any literal through as the data ('a'), since a path may still yield a
  // string; the developer guide asks for a string, and no recording shows AWS hashing anything
  // else, so other values fail here rather than being hashed in some guessed text form.
  constexpr IntrinsicId id = IntrinsicId::Hash;
  auto data = stringArg(id, args, 0);
  if (!data) return Unexpected<ExecError>{std::move(data).error()};
  auto algorithm = stringArg(id, args, 1);
  if (!algorithm) return Unexpected<ExecError>{std::move(algorithm).error()};
  if (const size_t chars = charsBeyondLimit(*data)) return tooLong(id, chars);
  const EVP_MD* md = digestNamed(*algorithm);
  if (md == nullptr) {
    return intrinsicFailure(id, "the algorithm '" + std::string(*algorithm) +
                                    "' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(data->data(), data->size(), digest.data(), &length, md, nullptr) != 1) {
    return raise(StateErrorId::Runtime, "the " + std::string(*algorithm) + " digest failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return Value::string(hex);
}

} // namespace asl::eval::intrinsics
