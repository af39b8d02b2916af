/* Lambda functions as native code: a C function in a shared library, loaded with dlopen and
 * called in the running process, for devices where a process per invocation costs too much.
 * The adapters file names the library and the symbol (docs/adapters.md):
 *
 *   "functions": {"score": {"backend": "native", "library": "libscore.so", "symbol": "score"}}
 *
 * A library implements one or more handlers and says which version of this interface it was
 * built against:
 *
 *   #include "asl/adapter_c.h"
 *   ASL_LAMBDA_DEFINE_ABI_VERSION
 *
 *   int score(const char* event, size_t size, const asl_lambda_context* context,
 *             const asl_lambda_output* output) {
 *     output->append(output->opaque, "{\"score\":7}", 11);
 *     return 0;
 *   }
 *
 * Plain C, so that any language with a C ABI can implement it; nothing here needs the C++
 * runtime. */
#ifndef ASL_ADAPTER_C_H
#define ASL_ADAPTER_C_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this interface; a library built against another is refused when loaded. */
#define ASL_LAMBDA_ABI_VERSION 1u

/* What one invocation is. Valid only during the call. */
typedef struct asl_lambda_context {
  uint32_t abi_version;      /* ASL_LAMBDA_ABI_VERSION */
  const char* function_name; /* as the adapters file names it */
  const char* request_id;    /* a fresh UUID, as AWS_LAMBDA_REQUEST_ID */
  int64_t deadline_ms;       /* when the Task state times out, in ms since the epoch (the
                                execution's clock); INT64_MAX when it does not. A result given
                                after it is discarded. */
} asl_lambda_context;

/* Where the handler writes its result (the invocation's payload), in as many pieces as it
 * likes: append copies the bytes. Valid only during the call. */
typedef struct asl_lambda_output {
  void* opaque;
  void (*append)(void* opaque, const char* data, size_t size);
} asl_lambda_output;

/* A handler: the event (JSON text, not NUL-terminated) in, the result out. Returns 0 on
 * success; any other value is a failure, and the output is then the function's error, as a
 * Lambda function reports one: {"errorType": "...", "errorMessage": "..."}. Called from
 * several threads at once when Map iterations or Parallel branches invoke it: a handler must be
 * thread-safe. */
typedef int (*asl_lambda_handler)(const char* event, size_t event_size,
                                  const asl_lambda_context* context,
                                  const asl_lambda_output* output);

/* Every library exports the interface version it was built against under this name. */
#define ASL_LAMBDA_ABI_VERSION_SYMBOL "asl_lambda_abi_version"
#define ASL_LAMBDA_DEFINE_ABI_VERSION                                                              \
  uint32_t asl_lambda_abi_version(void) {                                                          \
    return ASL_LAMBDA_ABI_VERSION;                                                                 \
  }

#ifdef __cplusplus
}
#endif

#endif /* ASL_ADAPTER_C_H */
