// AdapterRegistry::fromConfig: the adapters file (docs/adapters.md) to adapters.
#include <cmath>
#include <map>

#include "asl/adapter.h"
#include "runtime/adapters/aws/aws_client.h"
#include "runtime/adapters/aws/aws_settings.h"
#include "runtime/adapters/config_fields.h"
#include "runtime/adapters/embedded_config.h"
#include "runtime/adapters/lambda/lambda_adapter.h"
#include "runtime/adapters/lambda/lambda_aws.h"
#include "runtime/adapters/lambda/lambda_command.h"
#include "runtime/adapters/lambda/lambda_native.h"
#include "runtime/adapters/sns/sns_aws.h"
#include "runtime/adapters/sqs/sqs_aws.h"
#include "runtime/adapters/sqs/sqs_embedded.h"

namespace asl {
namespace {

using adapters::invalidAdapters;
using adapters::onlyKeys;
using adapters::aws::AwsOverrides;
using adapters::aws::ServiceId;

constexpr double kMaxConnectSeconds = 300;
constexpr double kMaxTotalSeconds = 3600;

std::string quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

Result<std::optional<std::string>> optionalString(const Value& object, std::string_view key,
                                                  const std::string& pointer) {
  const Value* v = object.find(key);
  if (!v) return std::optional<std::string>();
  if (!v->isString() || v->asString().empty())
    return invalidAdapters(pointer + "/" + std::string(key) + " must be a non-empty string",
                           pointer + "/" + std::string(key));
  return std::optional<std::string>(std::string(v->asString()));
}

Result<void> readSeconds(const Value& object, std::string_view key, double max,
                         const std::string& pointer, std::chrono::milliseconds& out) {
  const Value* v = object.find(key);
  if (!v) return {};
  std::string where = pointer + "/" + std::string(key);
  if (!v->isNumber() || !(v->asDouble() > 0) || v->asDouble() > max)
    return invalidAdapters(where + " must be a number of seconds above 0 and at most " +
                               std::to_string(static_cast<int>(max)),
                           where);
  out = std::chrono::milliseconds(static_cast<int64_t>(std::ceil(v->asDouble() * 1000)));
  return {};
}

Result<void> readTimeouts(const Value& object, const std::string& pointer,
                          adapters::HttpTimeouts& timeouts) {
  if (auto r = readSeconds(object, "connectTimeoutSeconds", kMaxConnectSeconds, pointer,
                           timeouts.connect);
      !r.ok())
    return r;
  return readSeconds(object, "timeoutSeconds", kMaxTotalSeconds, pointer, timeouts.total);
}

struct ServiceEntry {
  std::string_view key; ///< "lambda", "sqs", "sns"
  ServiceId id;
};

constexpr ServiceEntry kServices[] = {
    {"lambda", adapters::aws::kLambda}, {"sqs", adapters::aws::kSqs}, {"sns", adapters::aws::kSns}};

// Region and credentials, resolved once and only when a service uses the AWS protocol, so that
// a file of local commands needs neither.
class AwsResolver {
public:
  AwsResolver(const AwsOverrides& overrides, const AdapterEnvironment& env)
      : overrides_(overrides), env_(env) {}

  Result<adapters::aws::AwsClient> client(const ServiceEntry& service, const Value& section,
                                          const std::string& pointer,
                                          const adapters::HttpTimeouts& timeouts) {
    auto endpoint = optionalString(section, "endpoint", pointer);
    if (!endpoint.ok()) return fail(std::move(endpoint).error());
    if (*endpoint && !adapters::aws::isValidEndpoint(**endpoint))
      return invalidAdapters(pointer + "/endpoint must be an http:// or https:// URL; found " +
                                 quoted(**endpoint),
                             pointer + "/endpoint");
    if (!region_) {
      auto resolved = adapters::aws::resolveRegion(overrides_, env_);
      if (!resolved.ok()) return fail(std::move(resolved).error());
      region_ = std::move(resolved).value();
    }
    if (!credentials_) {
      auto resolved = adapters::aws::resolveCredentials(overrides_, env_, credentialsSource_);
      if (!resolved.ok()) return fail(std::move(resolved).error());
      credentials_ = std::move(resolved).value();
    }
    adapters::aws::ServiceSettings settings;
    settings.signingName = std::string(service.id.signingName);
    settings.region = *region_;
    settings.endpoint =
        adapters::aws::resolveEndpoint(service.id, *endpoint, overrides_, *region_, env_);
    if (!adapters::aws::isValidEndpoint(settings.endpoint))
      return invalidAdapters("the " + std::string(service.key) + " endpoint " +
                                 quoted(settings.endpoint) +
                                 " is not an http:// or https:// URL (see AWS_ENDPOINT_URL_" +
                                 std::string(service.id.envSuffix) + " and AWS_ENDPOINT_URL)",
                             pointer);
    settings.endpointIsDefault =
        settings.endpoint == adapters::aws::defaultEndpoint(service.id.signingName, *region_);
    settings.credentials = *credentials_;
    settings.credentialsSource = credentialsSource_;
    settings.timeouts = timeouts;
    return adapters::aws::AwsClient(std::move(settings));
  }

private:
  const AwsOverrides& overrides_;
  const AdapterEnvironment& env_;
  std::optional<std::string> region_;
  std::optional<adapters::aws::Credentials> credentials_;
  std::string credentialsSource_;
};

Result<void> checkBackend(const Value* backend, const std::string& pointer,
                          std::string_view allowed) {
  if (!backend || !backend->isString())
    return invalidAdapters(pointer + "/backend must name the back end: " + std::string(allowed),
                           pointer + "/backend");
  return {};
}

Unexpected<Diagnostic> unknownBackend(const Value& backend, const std::string& pointer,
                                      std::string_view allowed) {
  return invalidAdapters(
      pointer + "/backend " + quoted(backend.asString()) +
          " is not a back end of this version; the back ends there are: " + std::string(allowed),
      pointer + "/backend");
}

// {"backend": "native", "library": "libscore.so", "symbol": "score"}: loaded now, so that a
// missing library or symbol is reported with the file, not at the first call.
Result<std::unique_ptr<adapters::LambdaBackend>> nativeFunction(std::string_view name,
                                                                const Value& entry,
                                                                const std::string& pointer,
                                                                std::string_view directory) {
  if (auto r = onlyKeys(entry, {"backend", "library", "symbol"}, pointer); !r.ok())
    return fail(std::move(r).error());
  auto library = optionalString(entry, "library", pointer);
  auto symbol = optionalString(entry, "symbol", pointer);
  for (auto* r : {&library, &symbol})
    if (!r->ok()) return fail(std::move(*r).error());
  if (!*library || !*symbol)
    return invalidAdapters(
        pointer + " needs \"library\" (a shared library) and \"symbol\" (its handler)", pointer);
  // A relative path is the adapters file's folder's, as for commands.
  std::string path = **library;
  if (path[0] != '/' && !directory.empty()) path = std::string(directory) + "/" + path;
  auto loaded = adapters::LambdaNativeBackend::load(std::string(name), path, **symbol);
  if (!loaded.ok()) return invalidAdapters(pointer + ": " + loaded.error(), pointer + "/library");
  return std::unique_ptr<adapters::LambdaBackend>(std::move(loaded).value());
}

// One entry of lambda.functions: {"backend": "command", "command": [...], "timeoutSeconds",
// "environment"}.
Result<std::unique_ptr<adapters::LambdaBackend>>
lambdaFunction(std::string_view name, const Value& entry, const std::string& pointer,
               adapters::HttpTimeouts timeouts, std::string_view directory) {
  if (!entry.isObject()) return invalidAdapters(pointer + " must be an object", pointer);
  const Value* backend = entry.find("backend");
  if (auto r = checkBackend(backend, pointer, "\"command\", \"native\""); !r.ok())
    return fail(std::move(r).error());
  if (backend->asString() == "native") return nativeFunction(name, entry, pointer, directory);
  if (backend->asString() != "command")
    return unknownBackend(*backend, pointer, "\"command\", \"native\"");
  if (auto r = onlyKeys(entry, {"backend", "command", "timeoutSeconds", "environment"}, pointer);
      !r.ok())
    return fail(std::move(r).error());
  adapters::CommandSpec spec;
  const Value* command = entry.find("command");
  if (!command || !command->isArray() || command->size() == 0)
    return invalidAdapters(pointer + "/command must be an array of strings, the program first",
                           pointer + "/command");
  for (const Value& arg : command->items()) {
    if (!arg.isString())
      return invalidAdapters(pointer + "/command must be an array of strings, the program first",
                             pointer + "/command");
    spec.argv.emplace_back(arg.asString());
  }
  if (spec.argv[0].empty())
    return invalidAdapters(pointer + "/command names no program", pointer + "/command");
  if (const Value* environment = entry.find("environment")) {
    if (!environment->isObject())
      return invalidAdapters(pointer + "/environment must be an object of strings",
                             pointer + "/environment");
    for (const Member& m : environment->members()) {
      if (!m.value.isString() || m.key.asString().empty() ||
          m.key.asString().find('=') != std::string_view::npos)
        return invalidAdapters(pointer + "/environment must be an object of strings",
                               pointer + "/environment");
      spec.environment.emplace(std::string(m.key.asString()), std::string(m.value.asString()));
    }
  }
  if (auto r = readSeconds(entry, "timeoutSeconds", kMaxTotalSeconds, pointer, timeouts.total);
      !r.ok())
    return fail(std::move(r).error());
  spec.timeout = timeouts.total;
  spec.workingDirectory = std::string(directory);
  return std::unique_ptr<adapters::LambdaBackend>(
      std::make_unique<adapters::LambdaCommandBackend>(std::string(name), std::move(spec)));
}

Result<std::unique_ptr<Adapter>> lambdaAdapter(const ServiceEntry& service, const Value& section,
                                               const adapters::HttpTimeouts& timeouts,
                                               AwsResolver& aws, std::string_view directory) {
  const std::string pointer = "/lambda";
  std::map<std::string, std::unique_ptr<adapters::LambdaBackend>, std::less<>> functions;
  if (const Value* list = section.find("functions")) {
    if (!list->isObject())
      return invalidAdapters("/lambda/functions must be an object keyed by function name",
                             "/lambda/functions");
    for (const Member& m : list->members()) {
      std::string name(m.key.asString());
      if (name.empty() || name.find(':') != std::string::npos)
        return invalidAdapters("/lambda/functions: " + quoted(name) +
                                   " is not a function name (no ARN, no qualifier)",
                               appendPointer("/lambda/functions", name));
      auto backend = lambdaFunction(name, m.value, appendPointer("/lambda/functions", name),
                                    timeouts, directory);
      if (!backend.ok()) return fail(std::move(backend).error());
      functions.emplace(std::move(name), std::move(backend).value());
    }
  }
  std::unique_ptr<adapters::LambdaBackend> fallback;
  const Value* backend = section.find("backend");
  if (!backend && functions.empty())
    return invalidAdapters("/lambda needs a \"backend\" for every function, or \"functions\"",
                           "/lambda/backend");
  if (backend) {
    if (auto r = checkBackend(backend, pointer, "\"aws\""); !r.ok())
      return fail(std::move(r).error());
    if (backend->asString() != "aws") return unknownBackend(*backend, pointer, "\"aws\"");
    auto client = aws.client(service, section, pointer, timeouts);
    if (!client.ok()) return fail(std::move(client).error());
    fallback = std::make_unique<adapters::LambdaAwsBackend>(std::move(client).value());
  }
  return std::unique_ptr<Adapter>(
      std::make_unique<adapters::LambdaAdapter>(std::move(functions), std::move(fallback)));
}

} // namespace

Result<AdapterRegistry> AdapterRegistry::fromConfig(const Value& config,
                                                    const AdapterEnvironment& env,
                                                    std::string_view directory) {
  if (!config.isObject()) return invalidAdapters("the adapters file must be a JSON object", "");
  if (auto r = onlyKeys(config, {"version", "aws", "lambda", "sqs", "sns"}, ""); !r.ok())
    return fail(std::move(r).error());
  if (const Value* version = config.find("version");
      version && !(version->isInteger() && version->asInteger() == 1))
    return invalidAdapters("/version must be 1, the only version of the adapters file format",
                           "/version");

  AwsOverrides overrides;
  if (const Value* section = config.find("aws")) {
    if (!section->isObject()) return invalidAdapters("/aws must be an object", "/aws");
    if (auto r = onlyKeys(
            *section, {"region", "endpoint", "profile", "connectTimeoutSeconds", "timeoutSeconds"},
            "/aws");
        !r.ok())
      return fail(std::move(r).error());
    auto region = optionalString(*section, "region", "/aws");
    auto endpoint = optionalString(*section, "endpoint", "/aws");
    auto profile = optionalString(*section, "profile", "/aws");
    for (auto* r : {&region, &endpoint, &profile})
      if (!r->ok()) return fail(std::move(*r).error());
    overrides.region = *region;
    overrides.endpoint = *endpoint;
    overrides.profile = *profile;
    if (overrides.endpoint && !adapters::aws::isValidEndpoint(*overrides.endpoint))
      return invalidAdapters("/aws/endpoint must be an http:// or https:// URL; found " +
                                 quoted(*overrides.endpoint),
                             "/aws/endpoint");
    if (auto r = readTimeouts(*section, "/aws", overrides.timeouts); !r.ok())
      return fail(std::move(r).error());
  }

  AwsResolver aws(overrides, env);
  AdapterRegistry registry;
  std::shared_ptr<QueueStore> queues; // opened once, for SQS and SNS alike
  for (const ServiceEntry& service : kServices) {
    const Value* section = config.find(service.key);
    if (!section) continue;
    std::string pointer = "/" + std::string(service.key);
    bool lambda = service.key == "lambda";
    if (!section->isObject()) return invalidAdapters(pointer + " must be an object", pointer);
    auto known =
        lambda ? onlyKeys(*section,
                          {"backend", "endpoint", "connectTimeoutSeconds", "timeoutSeconds",
                           "functions"},
                          pointer)
        : service.key == "sqs"
            ? onlyKeys(*section,
                       {"backend", "endpoint", "connectTimeoutSeconds", "timeoutSeconds",
                        "database", "queues"},
                       pointer)
            : onlyKeys(*section,
                       {"backend", "endpoint", "connectTimeoutSeconds", "timeoutSeconds", "topics"},
                       pointer);
    if (!known.ok()) return fail(std::move(known).error());
    adapters::HttpTimeouts timeouts = overrides.timeouts;
    if (auto r = readTimeouts(*section, pointer, timeouts); !r.ok())
      return fail(std::move(r).error());
    if (lambda) {
      auto adapter = lambdaAdapter(service, *section, timeouts, aws, directory);
      if (!adapter.ok()) return fail(std::move(adapter).error());
      registry.add(std::move(adapter).value());
      continue;
    }
    // SQS and SNS are embedded unless the file asks for AWS's protocol.
    const Value* backend = section->find("backend");
    if (backend && !backend->isString())
      return invalidAdapters(pointer + "/backend must name the back end: \"embedded\" or \"aws\"",
                             pointer + "/backend");
    std::string_view kind = backend ? backend->asString() : "embedded";
    if (kind == "embedded") {
      // SNS needs the queue database only to deliver to queues.
      if (!queues && (service.key == "sqs" || adapters::snsNeedsQueues(*section))) {
        auto opened = adapters::openConfiguredQueues(config.find("sqs"), env, directory);
        if (!opened.ok()) return fail(std::move(opened).error());
        queues = std::move(opened).value();
      }
      if (service.key == "sqs") {
        registry.add(std::make_unique<adapters::SqsEmbeddedAdapter>(queues));
      } else {
        auto adapter = adapters::embeddedSnsAdapter(*section, queues, env, directory);
        if (!adapter.ok()) return fail(std::move(adapter).error());
        registry.add(std::move(adapter).value());
      }
      continue;
    }
    if (kind != "aws") return unknownBackend(*backend, pointer, "\"embedded\", \"aws\"");
    if (section->find(service.key == "sqs" ? "queues" : "topics") || section->find("database"))
      return invalidAdapters(pointer +
                                 ": queues, topics and the database belong to the embedded back "
                                 "end; with \"aws\" they are the service's own",
                             pointer);
    auto client = aws.client(service, *section, pointer, timeouts);
    if (!client.ok()) return fail(std::move(client).error());
    if (service.key == "sqs")
      registry.add(std::make_unique<adapters::SqsAwsAdapter>(std::move(client).value()));
    else
      registry.add(std::make_unique<adapters::SnsAwsAdapter>(std::move(client).value()));
  }
  return registry;
}

} // namespace asl
