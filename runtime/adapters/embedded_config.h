// The adapters file's sections for the embedded back ends (docs/adapters.md): the queue
// database and its queues ("sqs": {"database", "queues"}), and the topics of the embedded SNS
// ("sns": {"topics"}).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "asl/adapter.h"
#include "asl/queue.h"

namespace asl::adapters {

/// Where the queue database is when the file names none: $ASL_QUEUES_DB, else
/// $XDG_STATE_HOME/aslc/queues.db, else $HOME/.local/state/aslc/queues.db.
std::string defaultQueueDatabase(const AdapterEnvironment& env);

/// Opens the database `sqs.database` names (relative to `directory`, the adapters file's
/// folder), or the default one, and creates or updates the queues `sqs.queues` lists.
/// `sqs` may be null (SNS alone needs the database for its queue subscribers).
Result<std::shared_ptr<QueueStore>>
openConfiguredQueues(const Value* sqs, const AdapterEnvironment& env, std::string_view directory);

/// Whether any topic of `sns.topics` has an embedded queue among its subscribers.
bool snsNeedsQueues(const Value& sns);

/// The embedded SNS adapter for `sns.topics`; `queues` is the database its queue subscribers
/// write to (may be null when none does); commands run in `directory`. Topic ARNs are in AWS_REGION
/// (else us-east-1) and the account 123456789012.
Result<std::unique_ptr<Adapter>> embeddedSnsAdapter(const Value& sns,
                                                    std::shared_ptr<QueueStore> queues,
                                                    const AdapterEnvironment& env,
                                                    std::string_view directory);

} // namespace asl::adapters
