// docs/diagnostics.md documents every diagnostic code in include/asl/diagnostics.def.
// NOTE: docs/diagnostics.md has not landed on this branch yet; until it does this test fails by
// design (it reports the missing file), and passes once the doc lists every code.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "asl/diagnostic.h"

namespace asl {
namespace {

TEST(DiagnosticsDocTest, EveryCodeIsDocumented) {
  std::string path = std::string(ASL_SOURCE_DIR) + "/docs/diagnostics.md";
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << "cannot read " << path
                         << " (the doc has not landed on this branch yet)";
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  for (DiagCode code : allDiagCodes()) {
    std::string name(diagCodeName(code));
    EXPECT_NE(doc.find(name), std::string::npos)
        << name << " is not documented in docs/diagnostics.md";
  }
}

} // namespace
} // namespace asl
