#include "runtime/adapters/lambda/lambda_native.h"

#include <dlfcn.h>

#include "runtime/adapters/aws/crypto.h"
#include "runtime/adapters/lambda/local_invocation.h"
#include "runtime/value/json_reader.h"

namespace asl::adapters {
namespace {

struct Collected {
  std::string bytes;
  bool tooLarge = false;
};

void appendOutput(void* opaque, const char* data, size_t size) {
  auto* out = static_cast<Collected*>(opaque);
  if (out->tooLarge || !data) return;
  if (out->bytes.size() + size > kMaxLambdaResultBytes) {
    out->tooLarge = true;
    return;
  }
  out->bytes.append(data, size);
}

bool isErrorObject(const std::string& text) {
  auto parsed = parseJsonValue(text);
  if (!parsed.ok() || !parsed->isObject()) return false;
  const Value* type = parsed->find("errorType");
  return type && type->isString();
}

} // namespace

Result<std::unique_ptr<LambdaNativeBackend>, std::string>
LambdaNativeBackend::load(std::string functionName, const std::string& library,
                          const std::string& symbol) {
  // RTLD_LOCAL: two libraries' symbols of the same name stay apart.
  void* handle = ::dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return fail(std::string("cannot load ") + library + ": " + ::dlerror());
  using VersionFn = uint32_t (*)();
  auto version = reinterpret_cast<VersionFn>(::dlsym(handle, ASL_LAMBDA_ABI_VERSION_SYMBOL));
  if (!version) {
    ::dlclose(handle);
    return fail(library + " does not export " ASL_LAMBDA_ABI_VERSION_SYMBOL
                          " (ASL_LAMBDA_DEFINE_ABI_VERSION in asl/adapter_c.h)");
  }
  if (uint32_t found = version(); found != ASL_LAMBDA_ABI_VERSION) {
    ::dlclose(handle);
    return fail(library + " was built for interface version " + std::to_string(found) +
                "; this version calls version " + std::to_string(ASL_LAMBDA_ABI_VERSION));
  }
  auto handler = reinterpret_cast<asl_lambda_handler>(::dlsym(handle, symbol.c_str()));
  if (!handler) {
    ::dlclose(handle);
    return fail(library + " has no symbol " + symbol);
  }
  return std::unique_ptr<LambdaNativeBackend>(
      new LambdaNativeBackend(std::move(functionName), handle, handler));
}

LambdaNativeBackend::~LambdaNativeBackend() {
  ::dlclose(library_);
}

Result<LambdaResponse, TaskError> LambdaNativeBackend::invoke(const LambdaRequest& request) {
  std::string requestId = aws::randomUuid();
  LambdaResponse response = localResponse(requestId);
  if (request.invocationType == "DryRun") {
    response.http.status = 204;
    return response;
  }
  std::string event = request.hasPayload ? request.payload : "{}";
  asl_lambda_context context{ASL_LAMBDA_ABI_VERSION, functionName_.c_str(), requestId.c_str(),
                             request.deadlineMillis};
  Collected collected;
  asl_lambda_output output{&collected, appendOutput};
  int status = handler_(event.data(), event.size(), &context, &output);

  std::string payload = std::move(collected.bytes);
  bool failed = status != 0;
  if (collected.tooLarge) {
    failed = true;
    payload = lambdaErrorPayload("Function.ResponseSizeTooLarge",
                                 "Response payload size exceeded maximum allowed payload size (" +
                                     std::to_string(kMaxLambdaResultBytes) + " bytes).");
  } else if (failed && !isErrorObject(payload)) {
    payload = lambdaErrorPayload("Runtime.ExitError", "RequestId: " + requestId +
                                                          " Error: the handler returned status " +
                                                          std::to_string(status));
  }
  return finishLocalResponse(request, std::move(response), std::move(payload), failed);
}

} // namespace asl::adapters
