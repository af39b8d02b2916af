// `aslc queue`: the embedded queues (asl/queue.h) from a shell: list, create, send, receive,
// delete, purge (docs/queues.md). Output is JSON shaped like SQS's answers.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace asl::tools {

/// Registers `queue` and its subcommands on `app`; the returned action runs the one parsed and
/// gives the exit status (0 done, 1 the queue refused, 2 usage or storage error).
std::function<int()> addQueueCommand(CLI::App& app);

} // namespace asl::tools
