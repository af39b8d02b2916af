#include "runtime/exec/worker_pool.h"

#include <algorithm>
#include <chrono>

namespace asl::exec {

// One forEach call's shared state. Lanes are the threads working on it: the caller, and
// helper jobs that pool threads pick up.
struct WorkerPool::Batch : std::enable_shared_from_this<Batch> {
  WorkerPool* pool = nullptr;
  Batch* parent = nullptr; ///< the batch whose item called this forEach, if any
  std::atomic<size_t> next{0};
  size_t count = 0;
  const std::function<void(size_t)>* body = nullptr;
  const std::atomic<bool>* stop = nullptr;
  size_t lanesAllowed = 1;
  size_t computingLanes = 1; ///< lanes computing items may bring in (cores, at most allowed)
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::mutex mutex;
  std::condition_variable done;
  // Under `mutex`:
  size_t lanes = 1;   ///< lanes started, the caller's included
  size_t running = 0; ///< helper jobs that started and have not finished
  bool closed = false; ///< the caller has finished its items: no new lanes
  std::vector<std::shared_ptr<Job>> helpers;

  void drain();
  /// Starts one more helper lane if items are waiting and the batch may grow to `limit`.
  void grow(size_t limit);
  /// grow(computingLanes) once the batch has run long enough to be worth a thread.
  void growIfLong();
};

struct WorkerPool::Job {
  std::shared_ptr<Batch> batch;
  /// Set, under the batch's mutex, by whoever gets the job first: a pool thread starting it,
  /// or the forEach caller withdrawing it after finishing the items itself.
  bool taken = false;

  void run() {
    {
      std::lock_guard lock(batch->mutex);
      if (taken) return;
      taken = true;
      ++batch->running;
    }
    batch->drain();
    std::lock_guard lock(batch->mutex);
    if (--batch->running == 0) batch->done.notify_all();
  }
};

namespace {
// The batch whose item this thread is running, so that aboutToBlock knows what to grow.
thread_local WorkerPool::Batch* tCurrentBatch = nullptr;
} // namespace

void WorkerPool::Batch::drain() {
  for (;;) {
    if (stop->load(std::memory_order_acquire)) return;
    size_t i = next.fetch_add(1, std::memory_order_acq_rel);
    if (i >= count) return;
    Batch* outer = tCurrentBatch;
    tCurrentBatch = this;
    (*body)(i);
    tCurrentBatch = outer;
    growIfLong();
  }
}

void WorkerPool::Batch::grow(size_t limit) {
  if (next.load(std::memory_order_acquire) >= count) return;
  auto job = std::make_shared<Job>();
  {
    std::lock_guard lock(mutex);
    if (closed || lanes >= limit) return;
    ++lanes;
    job->batch = shared_from_this();
    helpers.push_back(job);
  }
  pool->submit(std::move(job));
}

void WorkerPool::Batch::growIfLong() {
  // About what waking a thread costs here; shorter batches finish sooner on one thread.
  constexpr auto kWorthAThread = std::chrono::microseconds(50);
  if (next.load(std::memory_order_relaxed) >= count) return;
  if (std::chrono::steady_clock::now() - started < kWorthAThread) return;
  grow(computingLanes);
}

void WorkerPool::aboutToBlock() {
  for (Batch* b = tCurrentBatch; b; b = b->parent)
    b->grow(b->lanesAllowed);
}

void WorkerPool::stillComputing() {
  if (Batch* b = tCurrentBatch) b->growIfLong();
}

WorkerPool::WorkerPool(size_t maxThreads) : maxThreads_(std::max<size_t>(maxThreads, 1)) {}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    shuttingDown_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_)
    t.join();
}

void WorkerPool::submit(std::shared_ptr<Job> job) {
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(job));
  if (idle_ == 0 && threads_.size() < maxThreads_)
    threads_.emplace_back([this] { workerLoop(); });
  else
    wake_.notify_one();
}

void WorkerPool::workerLoop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    wake_.wait(lock, [this] { return shuttingDown_ || !queue_.empty(); });
    --idle_;
    if (queue_.empty()) return; // shutting down
    std::shared_ptr<Job> job = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    job->run();
    lock.lock();
  }
}

void WorkerPool::forEach(size_t count, size_t maxConcurrency,
                         const std::function<void(size_t)>& body, const std::atomic<bool>& stop) {
  if (count == 0) return;
  auto batch = std::make_shared<Batch>();
  batch->pool = this;
  batch->parent = tCurrentBatch;
  batch->count = count;
  batch->body = &body;
  batch->stop = &stop;
  batch->lanesAllowed = maxConcurrency == 0 ? count : std::min(count, maxConcurrency);
  static const size_t cores = std::max<size_t>(std::thread::hardware_concurrency(), 1);
  batch->computingLanes = std::min(batch->lanesAllowed, cores);
  batch->drain();
  // Jobs no thread has started yet would only find the batch empty: withdraw them, so this
  // call never waits on a queue that busy threads are not serving.
  std::unique_lock lock(batch->mutex);
  batch->closed = true;
  for (auto& job : batch->helpers)
    job->taken = true;
  batch->done.wait(lock, [&] { return batch->running == 0; });
  // Jobs hold their batch: let go of them here, or the two would keep each other alive.
  batch->helpers.clear();
}

} // namespace asl::exec
