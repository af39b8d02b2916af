// libcurl, loaded when the first request is sent rather than when the program starts.
//
// Why: libcurl brings a few dozen shared libraries with it (HTTP/2, IDN, TLS, LDAP, SSH...).
// Linked directly, every run of aslc or aslrun maps and relocates them, which costs several
// megabytes of resident memory and start-up time even for workflows that never call a
// service. Loaded on demand, only runs that use an AWS-protocol adapter pay for it.
#pragma once

#define CURL_DISABLE_TYPECHECK // calls go through the pointers below, not the macros
#include <curl/curl.h>

#include <string>

namespace asl::adapters {

struct CurlLibrary {
  CURLcode (*globalInit)(long flags);
  CURL* (*easyInit)();
  void (*easyCleanup)(CURL* handle);
  CURLcode (*easySetopt)(CURL* handle, CURLoption option, ...);
  CURLcode (*easyGetinfo)(CURL* handle, CURLINFO info, ...);
  CURLcode (*easyPerform)(CURL* handle);
  const char* (*easyStrerror)(CURLcode code);
  curl_slist* (*slistAppend)(curl_slist* list, const char* text);
  void (*slistFreeAll)(curl_slist* list);
};

/// libcurl (libcurl.so.4), loaded and globally initialised once per process; nullptr when it
/// cannot be loaded, with the reason in `*error`.
const CurlLibrary* curlLibrary(std::string* error);

} // namespace asl::adapters
