/* Handlers for the native Lambda back end's test (native_lambda_test.cpp), built as a shared
 * library with the C ABI of asl/adapter_c.h. */
#include <stdio.h>
#include <string.h>

#include "asl/adapter_c.h"

ASL_LAMBDA_DEFINE_ABI_VERSION

static void put(const asl_lambda_output* output, const char* text) {
  output->append(output->opaque, text, strlen(text));
}

/* Returns {"event": <the event>, "function": <its name>, "timed": <whether a deadline was set>}. */
int echo(const char* event, size_t size, const asl_lambda_context* context,
         const asl_lambda_output* output) {
  put(output, "{\"event\":");
  output->append(output->opaque, event, size);
  put(output, ",\"function\":\"");
  put(output, context->function_name);
  put(output, context->deadline_ms != INT64_MAX ? "\",\"timed\":true}" : "\",\"timed\":false}");
  return 0;
}

/* Fails the way a Lambda function reports an error. */
int decline(const char* event, size_t size, const asl_lambda_context* context,
            const asl_lambda_output* output) {
  (void)event;
  (void)size;
  (void)context;
  put(output, "{\"errorType\":\"Payment.Declined\",\"errorMessage\":\"card expired\"}");
  return 1;
}

/* Fails without saying why. */
int crash(const char* event, size_t size, const asl_lambda_context* context,
          const asl_lambda_output* output) {
  (void)event;
  (void)size;
  (void)context;
  (void)output;
  return 3;
}
