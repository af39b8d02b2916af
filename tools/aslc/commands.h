// The aslc subcommands, each registered on the CLI11 app and run after parsing.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace asl::tools {

/// A subcommand's action; returns the process exit code.
using CommandAction = std::function<int()>;

CommandAction addValidateCommand(CLI::App& app);
CommandAction addCompileCommand(CLI::App& app);
CommandAction addRunCommand(CLI::App& app);
CommandAction addEvalCommand(CLI::App& app);

/// Exit codes shared by every subcommand.
constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;

} // namespace asl::tools
