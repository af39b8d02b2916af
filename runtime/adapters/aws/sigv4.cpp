#include "runtime/adapters/aws/sigv4.h"

#include <algorithm>
#include <cctype>
#include <ctime>

#include "runtime/adapters/aws/crypto.h"

namespace asl::adapters::aws {
namespace {

bool isUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Query components arrive encoded however the sender chose; the canonical form re-encodes the
// decoded text, so decode first ('+' is a space in form encoding).
std::string percentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2])));
      i += 2;
    } else if (s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string canonicalQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (param.empty()) continue;
    size_t eq = param.find('=');
    std::string_view key = param.substr(0, eq);
    std::string_view value =
        eq == std::string_view::npos ? std::string_view() : param.substr(eq + 1);
    params.emplace_back(uriEncode(percentDecode(key), false),
                        uriEncode(percentDecode(value), false));
  }
  std::sort(params.begin(), params.end());
  std::string out;
  for (const auto& [key, value] : params) {
    if (!out.empty()) out += '&';
    out += key;
    out += '=';
    out += value;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Leading and trailing spaces removed, inner runs of spaces collapsed to one.
std::string trimValue(std::string_view v) {
  std::string out;
  bool space = false;
  for (char c : v) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> canonicalHeaders(const SignableRequest& request) {
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& [name, value] : request.headers) {
    std::string key = lower(name);
    std::string trimmed = trimValue(value);
    auto same =
        std::find_if(headers.begin(), headers.end(), [&](const auto& h) { return h.first == key; });
    if (same != headers.end()) {
      same->second += ',' + trimmed; // repeated headers sign as one comma-separated value
    } else {
      headers.emplace_back(std::move(key), std::move(trimmed));
    }
  }
  std::sort(headers.begin(), headers.end());
  return headers;
}

} // namespace

std::string uriEncode(std::string_view s, bool keepSlash) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (isUnreserved(c) || (keepSlash && c == '/')) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kDigits[c >> 4]);
      out.push_back(kDigits[c & 15]);
    }
  }
  return out;
}

std::string amzDate(std::chrono::system_clock::time_point t) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[17];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

std::string signedHeaderNames(const SignableRequest& request) {
  std::string out;
  for (const auto& [name, value] : canonicalHeaders(request)) {
    if (!out.empty()) out += ';';
    out += name;
  }
  return out;
}

std::string canonicalRequest(const SignableRequest& request) {
  std::string out(request.method);
  out += '\n';
  out += uriEncode(request.path.empty() ? std::string_view("/") : request.path, true);
  out += '\n';
  out += canonicalQuery(request.query);
  out += '\n';
  for (const auto& [name, value] : canonicalHeaders(request)) {
    out += name;
    out += ':';
    out += value;
    out += '\n';
  }
  out += '\n';
  out += signedHeaderNames(request);
  out += '\n';
  out += toHex(sha256(request.payload));
  return out;
}

std::string stringToSign(std::string_view amzDate, const SigningScope& scope,
                         std::string_view canonicalRequest) {
  std::string out = "AWS4-HMAC-SHA256\n";
  out += amzDate;
  out += '\n';
  out += amzDate.substr(0, 8);
  out += '/' + scope.region + '/' + scope.service + "/aws4_request\n";
  out += toHex(sha256(canonicalRequest));
  return out;
}

std::string signingKey(std::string_view secretAccessKey, std::string_view date,
                       const SigningScope& scope) {
  std::string key = hmacSha256("AWS4" + std::string(secretAccessKey), date);
  key = hmacSha256(key, scope.region);
  key = hmacSha256(key, scope.service);
  return hmacSha256(key, "aws4_request");
}

std::string authorizationHeader(const Credentials& credentials, const SigningScope& scope,
                                std::string_view amzDate, const SignableRequest& request) {
  std::string toSign = stringToSign(amzDate, scope, canonicalRequest(request));
  std::string date(amzDate.substr(0, 8));
  std::string signature =
      toHex(hmacSha256(signingKey(credentials.secretAccessKey, date, scope), toSign));
  return "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId + '/' + date + '/' +
         scope.region + '/' + scope.service +
         "/aws4_request, SignedHeaders=" + signedHeaderNames(request) + ", Signature=" + signature;
}

} // namespace asl::adapters::aws
