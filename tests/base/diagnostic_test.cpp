// Diagnostic codes and JSON pointers are stable, user-visible facts.
#include "asl/diagnostic.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace asl {
namespace {

TEST(DiagnosticTest, CodeNamesAreUnique) {
  std::set<std::string> seen;
  for (DiagCode code : allDiagCodes()) EXPECT_TRUE(seen.insert(std::string(diagCodeName(code))).second);
}

TEST(DiagnosticTest, MakeDiagnosticUsesDefaultSeverity) {
  EXPECT_EQ(makeDiagnostic(DiagCode::MissingField, "m").severity, SeverityKind::Error);
  EXPECT_EQ(makeDiagnostic(DiagCode::ChoiceWithoutDefault, "m").severity, SeverityKind::Warning);
}

TEST(DiagnosticTest, PointerEscapesSlashAndTilde) {
  EXPECT_EQ(appendPointer("/States", "a/b~c"), "/States/a~1b~0c");
  EXPECT_EQ(appendPointer("/Retry", size_t{0}), "/Retry/0");
}

} // namespace
} // namespace asl
