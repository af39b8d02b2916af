// aslc eval: evaluate one JSONata expression against an input, for people debugging their
// expressions and for the JSONata test-suite runner. Prints the result as compact JSON,
// nothing when it is undefined; errors go to stderr as "CODE: message" with exit code 1.
#include <iostream>

#include "asl/limits.h"
#include "compiler/lang/jsonata/parser.h"
#include "runtime/eval/jsonata/evaluator.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "tools/aslc/commands.h"
#include "tools/common/file_io.h"

namespace asl::tools {
namespace {

struct EvalArgs {
  std::string expression;
  std::string input;
  std::string inputFile;
  std::string bindings;
  eval::jsonata::EvalOptions options;
};

int reportJsonataError(const eval::jsonata::JsonataError& error) {
  std::cerr << error.code << ": " << error.message() << " (at offset " << error.position << ")\n";
  return kExitInvalid;
}

int runEval(EvalArgs& args) {
  namespace jn = eval::jsonata;
  Limits limits;
  auto tree = lang::jsonata::parseJsonata(args.expression, limits);
  if (!tree.ok()) return reportJsonataError(tree.error());

  std::optional<Value> input;
  std::string inputText = args.input;
  if (!args.inputFile.empty()) {
    auto read = readDefinitionFile(args.inputFile, 64 * 1024 * 1024);
    if (!read.ok()) {
      std::cerr << "aslc: error: " << read.error().message << "\n";
      return kExitUsage;
    }
    inputText = std::move(read).value();
  }
  if (!args.input.empty() || !args.inputFile.empty()) {
    auto parsed = parseJsonValue(inputText);
    if (!parsed.ok()) {
      std::cerr << "aslc: error: the input is not valid JSON: " << parsed.error().message << "\n";
      return kExitUsage;
    }
    input = std::move(parsed).value();
  }

  jn::Bindings bindings;
  if (!args.bindings.empty()) {
    auto parsed = parseJsonValue(args.bindings);
    if (!parsed.ok() || !parsed->isObject()) {
      std::cerr << "aslc: error: --bindings must be a JSON object\n";
      return kExitUsage;
    }
    for (const Member& m : parsed->members())
      bindings.emplace_back(std::string(m.key.asString()), m.value);
  }

  // $eval parses at run time; the runtime cannot include the parser, so it is passed in.
  args.options.parser = [limits](std::string_view text) {
    return lang::jsonata::parseJsonata(text, limits);
  };
  auto result = jn::evaluate(**tree, input, bindings, args.options);
  if (!result.ok()) return reportJsonataError(result.error());
  if (result->has_value()) std::cout << toJson(**result) << "\n";
  return kExitOk;
}

} // namespace

CommandAction addEvalCommand(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand("eval", "Evaluate a JSONata expression");
  cmd->add_option("expression", args->expression, "The JSONata expression")->required();
  auto* inputOpt = cmd->add_option("--input", args->input, "The input document, as JSON text");
  cmd->add_option("--input-file", args->inputFile, "A file holding the input document")
      ->excludes(inputOpt);
  cmd->add_option("--bindings", args->bindings, "Variables, as a JSON object: {\"x\": 1} binds $x");
  cmd->add_option("--max-depth", args->options.maxDepth, "Deepest evaluation nesting")
      ->capture_default_str()
      ->group("Limits");
  cmd->add_option("--time-limit-ms", args->options.timeLimitMs, "Evaluation time budget (0: none)")
      ->capture_default_str()
      ->group("Limits");
  return [args] { return runEval(*args); };
}

} // namespace asl::tools
