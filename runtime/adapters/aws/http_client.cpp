#include "runtime/adapters/aws/http_client.h"

#include "runtime/adapters/aws/curl_library.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace asl::adapters {
namespace {

bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// libcurl through the library loaded on demand (curl_library.h); set by sendHttp before use.
thread_local const CurlLibrary* tCurl = nullptr;

struct Exchange {
  HttpResponse response;
  bool tooLarge = false;
  bool connected = false; // tells a connect timeout from a slow answer
};

int onConnected(void* user, char*, char*, int, int) {
  static_cast<Exchange*>(user)->connected = true;
  return CURL_PREREQFUNC_OK;
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  size_t bytes = size * count;
  if (exchange->response.body.size() + bytes > kMaxResponseBytes) {
    exchange->tooLarge = true;
    return 0; // makes libcurl stop with CURLE_WRITE_ERROR
  }
  exchange->response.body.append(data, bytes);
  return bytes;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  size_t bytes = size * count;
  std::string_view line(data, bytes);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
    line.remove_suffix(1);
  // A status line starts a new header block (after "100 Continue"): keep only the last one.
  if (line.starts_with("HTTP/")) {
    exchange->response.headers.clear();
    return bytes;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
    value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
    value.remove_suffix(1);
  exchange->response.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  return bytes;
}

struct CurlDeleter {
  void operator()(CURL* handle) const { tCurl->easyCleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { tCurl->slistFreeAll(list); }
};

} // namespace

HttpTimeouts withinRemaining(HttpTimeouts timeouts, int64_t remainingMillis) {
  auto remaining = std::chrono::milliseconds(std::max<int64_t>(remainingMillis, 1));
  timeouts.total = std::min(timeouts.total, remaining);
  timeouts.connect = std::min(timeouts.connect, timeouts.total);
  return timeouts;
}

const std::string* HttpResponse::header(std::string_view name) const {
  const std::string* found = nullptr;
  for (const auto& [key, value] : headers)
    if (sameName(key, name)) found = &value;
  return found;
}

Result<HttpResponse, HttpFailure> sendHttp(const HttpRequest& request,
                                           const HttpTimeouts& timeouts) {
  std::string unavailable;
  tCurl = curlLibrary(&unavailable);
  if (!tCurl) return fail(HttpFailure{HttpFailure::Kind::Other, unavailable});
  std::unique_ptr<CURL, CurlDeleter> curl(tCurl->easyInit());
  if (!curl) return fail(HttpFailure{HttpFailure::Kind::Other, "cannot create an HTTP handle"});
  CURL* h = curl.get();

  std::unique_ptr<curl_slist, SlistDeleter> headers;
  auto addHeader = [&](const std::string& line) {
    curl_slist* next = tCurl->slistAppend(headers.get(), line.c_str());
    if (next) {
      (void)headers.release();
      headers.reset(next);
    }
  };
  for (const auto& [name, value] : request.headers)
    addHeader(name + ": " + value);
  addHeader("Expect:"); // no "100-continue" round trip before large bodies

  Exchange exchange;
  char errorText[CURL_ERROR_SIZE] = {0};
  tCurl->easySetopt(h, CURLOPT_URL, request.url.c_str());
  tCurl->easySetopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  tCurl->easySetopt(h, CURLOPT_NOSIGNAL, 1L); // timeouts must not use signals in a threaded program
  tCurl->easySetopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  tCurl->easySetopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeouts.connect.count()));
  tCurl->easySetopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeouts.total.count()));
  tCurl->easySetopt(h, CURLOPT_USERAGENT, "aslc");
  tCurl->easySetopt(h, CURLOPT_HTTPHEADER, headers.get());
  tCurl->easySetopt(h, CURLOPT_ERRORBUFFER, errorText);
  tCurl->easySetopt(h, CURLOPT_WRITEFUNCTION, onBody);
  tCurl->easySetopt(h, CURLOPT_WRITEDATA, &exchange);
  tCurl->easySetopt(h, CURLOPT_HEADERFUNCTION, onHeader);
  tCurl->easySetopt(h, CURLOPT_HEADERDATA, &exchange);
  tCurl->easySetopt(h, CURLOPT_PREREQFUNCTION, onConnected);
  tCurl->easySetopt(h, CURLOPT_PREREQDATA, &exchange);
  if (request.method == "GET") {
    tCurl->easySetopt(h, CURLOPT_HTTPGET, 1L);
  } else {
    tCurl->easySetopt(h, CURLOPT_POST, 1L);
    tCurl->easySetopt(h, CURLOPT_POSTFIELDS, request.body.data());
    tCurl->easySetopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    if (request.method != "POST")
      tCurl->easySetopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }

  CURLcode code = tCurl->easyPerform(h);
  if (code != CURLE_OK) {
    std::string message = errorText[0] ? std::string(errorText) : tCurl->easyStrerror(code);
    HttpFailure::Kind kind = HttpFailure::Kind::Other;
    if (exchange.tooLarge) {
      kind = HttpFailure::Kind::TooLarge;
      message = "the response is larger than " + std::to_string(kMaxResponseBytes) + " bytes";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
      kind = exchange.connected ? HttpFailure::Kind::Timeout : HttpFailure::Kind::Connect;
    } else if (code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST ||
               code == CURLE_COULDNT_RESOLVE_PROXY) {
      kind = HttpFailure::Kind::Connect;
    }
    return fail(HttpFailure{kind, std::move(message)});
  }
  tCurl->easyGetinfo(h, CURLINFO_RESPONSE_CODE, &exchange.response.status);
  return std::move(exchange.response);
}

} // namespace asl::adapters
