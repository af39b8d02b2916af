// The threads Map iterations and Parallel branches run on. A batch of items starts on the
// calling thread alone: waking a thread costs more than a few short branches do. Items that
// compute for a while (WorkerPool::stillComputing, called as they go) bring in more lanes, up
// to the machine's cores, which is all that computing states can use; an item about to block
// (a task handler that waits on the network, a Wait on the real clock) says so with
// WorkerPool::aboutToBlock, and its batch gains a lane at once, up to the batch's
// MaxConcurrency and the pool's cap. So MaxConcurrency 40 over blocking tasks means 40 in
// flight, as on AWS, while 8 branches of Pass states on 2 cores use two threads.
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

  /// Called by an item (on any thread) before it blocks: the batches it runs in, and the ones
  /// enclosing them, each gain a lane if they have items waiting and lanes to spare.
  static void aboutToBlock();
  /// Called by items now and then while they compute: a batch that has run longer than a
  /// thread takes to wake gains a lane, up to the number of cores.
  static void stillComputing();

  struct Batch; ///< one forEach call's state (worker_pool.cpp)

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
