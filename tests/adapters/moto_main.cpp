// The test program of the adapters' server tests: one moto_server for all of them.
#include <gtest/gtest.h>

#include "tests/adapters/moto_server_env.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new asl::adapters::testing::MotoEnvironment);
  return RUN_ALL_TESTS();
}
