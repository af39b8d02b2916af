// The threads Map iterations and Parallel branches run on. Work in a state machine mostly waits
// (tasks, Wait states), so the pool grows on demand up to a cap rather than matching the core
// count: MaxConcurrency 40 means 40 iterations in flight, as on AWS.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace asl::exec {

class WorkerPool {
public:
  /// `maxThreads`: the most threads the pool will ever start (the caller of forEach runs
  /// items too, so one more item than this can be in flight).
  explicit WorkerPool(size_t maxThreads = 64);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Runs body(i) for every i in [0, count), at most `maxConcurrency` at once (0: no bound
  /// beyond the pool's), and returns when every started item has finished. Once `stop` reads
  /// true no further item starts. The calling thread runs items itself, so nested forEach
  /// calls (a Map inside a Parallel branch) always make progress even when every pool thread
  /// is busy.
  void forEach(size_t count, size_t maxConcurrency, const std::function<void(size_t)>& body,
               const std::atomic<bool>& stop);

private:
  struct Job;
  void submit(std::shared_ptr<Job> job);
  void workerLoop();

  size_t maxThreads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;
  bool shuttingDown_ = false;
};

} // namespace asl::exec
