// Random (version 4) UUIDs, for execution names and States.UUID.
#pragma once

#include <random>
#include <string>

namespace asl::exec {

/// `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx` in lower-case hex, y one of 8, 9, a, b.
std::string randomUuid(std::mt19937_64& random);

} // namespace asl::exec
