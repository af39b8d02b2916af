// The digests AWS's protocols need, over OpenSSL: SHA-256 and HMAC-SHA256 for SigV4, MD5 for
// the message checksums SQS returns.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asl::adapters::aws {

/// Raw 32-byte SHA-256 digest.
std::string sha256(std::string_view data);
/// Raw 32-byte HMAC-SHA256 of `data` under `key`.
std::string hmacSha256(std::string_view key, std::string_view data);
/// Raw 16-byte MD5 digest.
std::string md5(std::string_view data);
/// Lower-case hexadecimal of raw bytes.
std::string toHex(std::string_view bytes);

/// Standard base64 with padding.
std::string base64Encode(std::string_view bytes);
/// The bytes of standard base64 text; std::nullopt when it is not base64.
std::optional<std::string> base64Decode(std::string_view text);
/// `count` bytes from OpenSSL's random generator (message ids, receipt handles, task tokens:
/// values others must not guess).
std::string randomBytes(size_t count);
/// A random version-4 UUID, lower-case: "8f0e...-....-4...-a...-............".
std::string randomUuid();

} // namespace asl::adapters::aws
