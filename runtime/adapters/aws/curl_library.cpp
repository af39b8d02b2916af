#include "runtime/adapters/aws/curl_library.h"

#include <dlfcn.h>

#include <mutex>

namespace asl::adapters {
namespace {

struct Loaded {
  CurlLibrary library{};
  bool ok = false;
  std::string error;
};

template <class F> bool bind(void* handle, const char* name, F& out, std::string& error) {
  void* symbol = dlsym(handle, name);
  if (!symbol) {
    error = std::string("libcurl.so.4 lacks ") + name;
    return false;
  }
  out = reinterpret_cast<F>(symbol);
  return true;
}

Loaded load() {
  Loaded l;
  // Never unloaded: handles and callbacks may live until the process ends.
  void* handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    l.error = std::string("cannot load libcurl (libcurl.so.4, Debian package libcurl4): ") +
              (why ? why : "not found");
    return l;
  }
  CurlLibrary& c = l.library;
  l.ok = bind(handle, "curl_global_init", c.globalInit, l.error) &&
         bind(handle, "curl_easy_init", c.easyInit, l.error) &&
         bind(handle, "curl_easy_cleanup", c.easyCleanup, l.error) &&
         bind(handle, "curl_easy_setopt", c.easySetopt, l.error) &&
         bind(handle, "curl_easy_getinfo", c.easyGetinfo, l.error) &&
         bind(handle, "curl_easy_perform", c.easyPerform, l.error) &&
         bind(handle, "curl_easy_strerror", c.easyStrerror, l.error) &&
         bind(handle, "curl_slist_append", c.slistAppend, l.error) &&
         bind(handle, "curl_slist_free_all", c.slistFreeAll, l.error);
  // libcurl wants its global state set up once, before any handle exists.
  if (l.ok && c.globalInit(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    l.ok = false;
    l.error = "libcurl failed to initialise";
  }
  return l;
}

} // namespace

const CurlLibrary* curlLibrary(std::string* error) {
  static const Loaded loaded = load(); // thread-safe, once
  if (loaded.ok) return &loaded.library;
  if (error) *error = loaded.error;
  return nullptr;
}

} // namespace asl::adapters
