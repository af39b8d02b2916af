#include "runtime/adapters/lambda/lambda_command.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "runtime/adapters/aws/crypto.h"
#include "runtime/adapters/lambda/local_invocation.h"
#include "runtime/value/json_reader.h"

extern char** environ;

namespace asl::adapters {
namespace {

using Clock = std::chrono::steady_clock;

// Closes a descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

struct Outcome {
  enum class Kind { Exited, Signalled, TimedOut, TooLarge, SpawnFailed } kind = Kind::Exited;
  int status = 0; ///< exit status, signal number or errno
  std::string output;
};

// Runs the command to its end or its deadline. The event goes through a socket rather than a
// pipe so that a function that never reads it cannot raise SIGPIPE in this process.
Outcome runCommand(const CommandSpec& spec, const std::vector<std::string>& env,
                   const std::string& input, std::chrono::milliseconds timeout) {
  Outcome outcome;
  int stdinPair[2], stdoutPipe[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, stdinPair) != 0) {
    outcome.kind = Outcome::Kind::SpawnFailed;
    outcome.status = errno;
    return outcome;
  }
  Fd childIn{stdinPair[1]}, toChild{stdinPair[0]};
  if (::pipe2(stdoutPipe, O_CLOEXEC) != 0) {
    outcome.kind = Outcome::Kind::SpawnFailed;
    outcome.status = errno;
    return outcome;
  }
  Fd fromChild{stdoutPipe[0]}, childOut{stdoutPipe[1]};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, childIn.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, childOut.fd, 1);
  if (!spec.workingDirectory.empty())
    posix_spawn_file_actions_addchdir_np(&actions, spec.workingDirectory.c_str());
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // A group of its own, so that a timeout stops whatever the function started too.
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);

  std::vector<char*> argv, envp;
  for (const auto& a : spec.argv)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (const auto& e : env)
    envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  pid_t pid = -1;
  int spawned = ::posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  childIn.reset();
  childOut.reset();
  if (spawned != 0) {
    outcome.kind = Outcome::Kind::SpawnFailed;
    outcome.status = spawned;
    return outcome;
  }

  ::fcntl(toChild.fd, F_SETFL, O_NONBLOCK);
  ::fcntl(fromChild.fd, F_SETFL, O_NONBLOCK);
  size_t written = 0;
  if (input.empty()) ::shutdown(toChild.fd, SHUT_WR);
  auto deadline = Clock::now() + timeout;
  bool exited = false, outputClosed = false;
  siginfo_t info{};
  while (!(exited && outputClosed)) {
    if (Clock::now() >= deadline) {
      outcome.kind = Outcome::Kind::TimedOut;
      break;
    }
    pollfd fds[2];
    nfds_t count = 0;
    if (!outputClosed) fds[count++] = pollfd{fromChild.fd, POLLIN, 0};
    bool writing = toChild.fd >= 0 && written < input.size();
    if (writing) fds[count++] = pollfd{toChild.fd, POLLOUT, 0};
    ::poll(fds, count, 20);
    char buffer[65536];
    while (!outputClosed) {
      ssize_t n = ::read(fromChild.fd, buffer, sizeof buffer);
      if (n > 0) {
        outcome.output.append(buffer, static_cast<size_t>(n));
        if (outcome.output.size() > kMaxLambdaResultBytes) break;
        continue;
      }
      if (n == 0) outputClosed = true;
      break; // EAGAIN: nothing more for now
    }
    if (outcome.output.size() > kMaxLambdaResultBytes) {
      outcome.kind = Outcome::Kind::TooLarge;
      break;
    }
    if (writing) {
      ssize_t n = ::send(toChild.fd, input.data() + written, input.size() - written, MSG_NOSIGNAL);
      if (n > 0) written += static_cast<size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
        toChild.reset(); // the event is complete (or unwanted): end of input
      }
    }
    // Notice the exit without reaping, so that the group can still be signalled below.
    info.si_pid = 0;
    if (!exited &&
        ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == pid)
      exited = true;
    // Output still open once the function is gone: a process it started holds it. What was
    // written so far is the result.
    if (exited && !outputClosed) {
      ssize_t n = ::read(fromChild.fd, buffer, sizeof buffer);
      if (n > 0) {
        outcome.output.append(buffer, static_cast<size_t>(n));
        continue;
      }
      outputClosed = true;
    }
  }
  ::kill(-pid, SIGKILL); // the function's leftovers, or the function itself on timeout
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (outcome.kind == Outcome::Kind::Exited) {
    if (WIFSIGNALED(status)) {
      outcome.kind = Outcome::Kind::Signalled;
      outcome.status = WTERMSIG(status);
    } else {
      outcome.status = WEXITSTATUS(status);
    }
  }
  return outcome;
}

// The command protocol's error result: an object with a string errorType and an errorMessage.
bool isErrorResult(const std::string& output) {
  if (output.find("\"errorType\"") == std::string::npos) return false; // most results
  auto parsed = parseJsonValue(output);
  if (!parsed.ok() || !parsed->isObject()) return false;
  const Value* type = parsed->find("errorType");
  return type && type->isString() && parsed->find("errorMessage");
}

// "killed", "segmentation fault": how Lambda's runtime names the signal that ended a process.
std::string signalName(int signal) {
  const char* description = sigdescr_np(signal);
  std::string name = description ? description : "signal " + std::to_string(signal);
  for (char& c : name)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

std::string trimmedOutput(std::string output) {
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r'))
    output.pop_back();
  return output;
}

} // namespace

Result<LambdaResponse, TaskError> LambdaCommandBackend::invoke(const LambdaRequest& request) {
  std::string requestId = aws::randomUuid();
  LambdaResponse response = localResponse(requestId);
  if (request.invocationType == "DryRun") {
    response.http.status = 204;
    return response;
  }

  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e)
    env.emplace_back(*e);
  env.push_back("AWS_LAMBDA_FUNCTION_NAME=" + functionName_);
  env.push_back("AWS_LAMBDA_FUNCTION_VERSION=$LATEST");
  env.push_back("AWS_LAMBDA_REQUEST_ID=" + requestId);
  for (const auto& [key, value] : spec_.environment)
    env.push_back(key + "=" + value);

  // The function's own timeout, or less when the Task state has less time left.
  auto timeout = std::min(spec_.timeout,
                          std::chrono::milliseconds(std::max<int64_t>(request.remainingMillis, 0)));
  Outcome outcome = runCommand(spec_, env, request.hasPayload ? request.payload : "{}", timeout);
  std::string prefix = "RequestId: " + requestId + " Error: ";
  std::string payload;
  bool failed = true;
  switch (outcome.kind) {
  case Outcome::Kind::SpawnFailed:
    payload =
        lambdaErrorPayload("Runtime.InvalidEntrypoint", prefix + "cannot run " + spec_.argv[0] +
                                                            ": " + std::strerror(outcome.status));
    break;
  case Outcome::Kind::TimedOut: {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", static_cast<double>(timeout.count()) / 1000);
    payload = lambdaErrorPayload("Sandbox.Timedout",
                                 prefix + "Task timed out after " + seconds + " seconds");
    break;
  }
  case Outcome::Kind::TooLarge:
    payload = lambdaErrorPayload("Function.ResponseSizeTooLarge",
                                 "Response payload size exceeded maximum allowed payload size (" +
                                     std::to_string(kMaxLambdaResultBytes) + " bytes).");
    break;
  case Outcome::Kind::Signalled:
    payload = lambdaErrorPayload(
        "Runtime.ExitError",
        prefix + "Runtime exited with error: signal: " + signalName(outcome.status));
    break;
  case Outcome::Kind::Exited:
    payload = trimmedOutput(std::move(outcome.output));
    if (outcome.status == 0) {
      failed = isErrorResult(payload);
    } else if (!isErrorResult(payload)) {
      payload = lambdaErrorPayload("Runtime.ExitError",
                                   prefix + "Runtime exited with error: exit status " +
                                       std::to_string(outcome.status));
    }
    break;
  }
  return finishLocalResponse(request, std::move(response), std::move(payload), failed);
}

} // namespace asl::adapters
