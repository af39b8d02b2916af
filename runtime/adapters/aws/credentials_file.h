// Reads one profile of an AWS shared credentials file (~/.aws/credentials): the INI format
// the AWS CLI and SDKs write, `[profile]` sections of `key = value` lines, '#' and ';'
// comments.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace asl::adapters::aws {

/// The `key = value` pairs of section `profile` in `text`, or std::nullopt when the file has
/// no such section.
std::optional<std::map<std::string, std::string>> readIniSection(std::string_view text,
                                                                 std::string_view profile);

} // namespace asl::adapters::aws
