#include "runtime/exec/worker_pool.h"

#include <algorithm>

namespace asl::exec {

// One forEach call's shared state, and the helper jobs that join it.
struct WorkerPool::Job {
  struct Batch {
    std::atomic<size_t> next{0};
    size_t count = 0;
    const std::function<void(size_t)>* body = nullptr;
    const std::atomic<bool>* stop = nullptr;
    std::mutex mutex;
    std::condition_variable done;
    size_t running = 0; ///< helper jobs that started and have not finished

    void drain() {
      for (;;) {
        if (stop->load(std::memory_order_acquire)) return;
        size_t i = next.fetch_add(1, std::memory_order_acq_rel);
        if (i >= count) return;
        (*body)(i);
      }
    }
  };
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
  auto batch = std::make_shared<Job::Batch>();
  batch->count = count;
  batch->body = &body;
  batch->stop = &stop;
  size_t lanes = maxConcurrency == 0 ? count : std::min(count, maxConcurrency);
  std::vector<std::shared_ptr<Job>> helpers;
  for (size_t i = 1; i < lanes; ++i) {
    auto job = std::make_shared<Job>();
    job->batch = batch;
    helpers.push_back(job);
    submit(std::move(job));
  }
  batch->drain();
  // Jobs no thread has started yet would only find the batch empty: withdraw them, so this
  // call never waits on a queue that busy threads are not serving.
  std::unique_lock lock(batch->mutex);
  for (auto& job : helpers)
    job->taken = true;
  batch->done.wait(lock, [&] { return batch->running == 0; });
}

} // namespace asl::exec
