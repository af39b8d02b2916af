// `aslc task success|failure|heartbeat`: completes a `.waitForTaskToken` task from a shell by
// sending SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat to the port a running
// execution listens on (`aslc run --callback-port`), as the AWS CLI would.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace asl::tools {

/// Registers `task` and its subcommands; the action gives the exit status (0 accepted, 1
/// refused by the execution, 2 usage or no connection).
std::function<int()> addTaskCommand(CLI::App& app);

} // namespace asl::tools
