// Reads the few values the AWS query protocol's XML answers carry (MessageId, Code, Message,
// RequestId): the text of the first element with a given name. Not a general XML parser:
// these documents are flat, attribute-free and without CDATA, and nothing else reads them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asl::adapters::aws {

/// The text of the first `<name>...</name>` (or "" for `<name/>`), entities decoded; nullopt
/// when there is none.
std::optional<std::string> xmlElementText(std::string_view xml, std::string_view name);

} // namespace asl::adapters::aws
