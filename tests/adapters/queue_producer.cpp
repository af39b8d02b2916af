// A producer for the durability test: sends messages to an embedded queue one at a time,
// forever, and prints each MessageId once send() has returned (the message committed). The
// test kills it with SIGKILL at some point of that loop.
//
//   asl_queue_producer DATABASE QUEUE
#include <cstdio>
#include <string>

#include "asl/queue.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: asl_queue_producer DATABASE QUEUE\n");
    return 2;
  }
  auto store = asl::QueueStore::open(argv[1]);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.error().message.c_str());
    return 2;
  }
  // Bounded so that a producer nobody kills still ends.
  for (long i = 0; i < 1'000'000; ++i) {
    asl::OutgoingMessage m;
    m.body = "message " + std::to_string(i);
    auto sent = (*store)->send(argv[2], m);
    if (!sent.ok()) {
      std::fprintf(stderr, "%s\n", sent.error().message.c_str());
      return 1;
    }
    std::printf("%s %ld\n", sent->messageId.c_str(), i);
    std::fflush(stdout);
  }
  return 0;
}
