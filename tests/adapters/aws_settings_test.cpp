// Region, endpoint and credentials resolved as AWS's SDKs resolve them, the adapters file
// first; and what is missing reported without ever showing a secret.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "runtime/adapters/aws/aws_settings.h"
#include "runtime/adapters/aws/credentials_file.h"

namespace asl::adapters::aws {
namespace {

AdapterEnvironment envOf(std::map<std::string, std::string, std::less<>> variables) {
  return AdapterEnvironment{std::move(variables)};
}

// A credentials file in a fresh folder, removed at the end of the test.
class CredentialsFile {
public:
  explicit CredentialsFile(const std::string& text) {
    dir_ = std::filesystem::temp_directory_path() /
           ("asl-credentials-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / ".aws");
    std::ofstream(dir_ / ".aws" / "credentials") << text;
  }
  ~CredentialsFile() { std::filesystem::remove_all(dir_); }
  std::string home() const { return dir_.string(); }
  std::string path() const { return (dir_ / ".aws" / "credentials").string(); }

private:
  std::filesystem::path dir_;
};

constexpr const char* kCredentials = "[default]\n"
                                     "aws_access_key_id = AKIDDEFAULT\n"
                                     "aws_secret_access_key = default-secret\n"
                                     "\n"
                                     "# a comment\n"
                                     "[dev]\n"
                                     "aws_access_key_id=AKIDDEV\n"
                                     "aws_secret_access_key=dev-secret\n"
                                     "aws_session_token = dev-token\n";

TEST(AwsSettingsTest, RegionFromTheFileComesFirst) {
  AwsOverrides overrides;
  overrides.region = "eu-west-1";
  auto region = resolveRegion(overrides, envOf({{"AWS_REGION", "us-west-2"}}));
  ASSERT_TRUE(region.ok());
  EXPECT_EQ(*region, "eu-west-1");
}

TEST(AwsSettingsTest, RegionFromAwsRegionThenAwsDefaultRegion) {
  EXPECT_EQ(*resolveRegion(
                {}, envOf({{"AWS_REGION", "us-west-2"}, {"AWS_DEFAULT_REGION", "ap-south-1"}})),
            "us-west-2");
  EXPECT_EQ(*resolveRegion({}, envOf({{"AWS_DEFAULT_REGION", "ap-south-1"}})), "ap-south-1");
}

TEST(AwsSettingsTest, MissingRegionIsAnError) {
  auto region = resolveRegion({}, envOf({}));
  ASSERT_FALSE(region.ok());
  EXPECT_EQ(region.error().code, DiagCode::InvalidAdaptersFile);
  EXPECT_NE(region.error().message.find("AWS_REGION"), std::string::npos);
}

TEST(AwsSettingsTest, EndpointPrecedence) {
  AwsOverrides none;
  auto env = envOf(
      {{"AWS_ENDPOINT_URL", "http://127.0.0.1:1"}, {"AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:2"}});
  EXPECT_EQ(resolveEndpoint(kSqs, std::nullopt, none, "us-east-1", env), "http://127.0.0.1:2");
  EXPECT_EQ(resolveEndpoint(kSns, std::nullopt, none, "us-east-1", env), "http://127.0.0.1:1");
  AwsOverrides file;
  file.endpoint = "http://127.0.0.1:3";
  EXPECT_EQ(resolveEndpoint(kSqs, std::nullopt, file, "us-east-1", env), "http://127.0.0.1:3");
  EXPECT_EQ(resolveEndpoint(kSqs, std::string("http://127.0.0.1:4"), file, "us-east-1", env),
            "http://127.0.0.1:4");
}

TEST(AwsSettingsTest, DefaultEndpointIsAwsForTheRegion) {
  EXPECT_EQ(resolveEndpoint(kLambda, std::nullopt, {}, "eu-central-1", envOf({})),
            "https://lambda.eu-central-1.amazonaws.com");
  auto ignoring = envOf({{"AWS_ENDPOINT_URL", "http://127.0.0.1:1"},
                         {"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}});
  EXPECT_EQ(resolveEndpoint(kSqs, std::nullopt, {}, "us-east-1", ignoring),
            "https://sqs.us-east-1.amazonaws.com");
}

TEST(AwsSettingsTest, EndpointMustBeAnHttpUrl) {
  EXPECT_TRUE(isValidEndpoint("http://127.0.0.1:5055"));
  EXPECT_TRUE(isValidEndpoint("https://sqs.us-east-1.amazonaws.com/"));
  EXPECT_FALSE(isValidEndpoint("127.0.0.1:5055"));
  EXPECT_FALSE(isValidEndpoint("ftp://host"));
  EXPECT_FALSE(isValidEndpoint("http://"));
}

TEST(AwsSettingsTest, CredentialsFromTheEnvironment) {
  std::string source;
  auto credentials = resolveCredentials({},
                                        envOf({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                               {"AWS_SECRET_ACCESS_KEY", "env-secret"},
                                               {"AWS_SESSION_TOKEN", "env-token"}}),
                                        source);
  ASSERT_TRUE(credentials.ok());
  EXPECT_EQ(credentials->accessKeyId, "AKIDENV");
  EXPECT_EQ(credentials->secretAccessKey, "env-secret");
  EXPECT_EQ(credentials->sessionToken, "env-token");
  EXPECT_EQ(source, "the environment (AWS_ACCESS_KEY_ID)");
}

TEST(AwsSettingsTest, CredentialsFromTheDefaultProfileUnderHome) {
  CredentialsFile file(kCredentials);
  std::string source;
  auto credentials = resolveCredentials({}, envOf({{"HOME", file.home()}}), source);
  ASSERT_TRUE(credentials.ok()) << credentials.error().message;
  EXPECT_EQ(credentials->accessKeyId, "AKIDDEFAULT");
  EXPECT_EQ(credentials->secretAccessKey, "default-secret");
  EXPECT_EQ(credentials->sessionToken, "");
  EXPECT_EQ(source, "profile 'default' of " + file.path());
}

TEST(AwsSettingsTest, CredentialsFromAwsProfileAndSharedCredentialsFile) {
  CredentialsFile file(kCredentials);
  std::string source;
  auto credentials = resolveCredentials(
      {}, envOf({{"AWS_PROFILE", "dev"}, {"AWS_SHARED_CREDENTIALS_FILE", file.path()}}), source);
  ASSERT_TRUE(credentials.ok()) << credentials.error().message;
  EXPECT_EQ(credentials->accessKeyId, "AKIDDEV");
  EXPECT_EQ(credentials->sessionToken, "dev-token");
}

TEST(AwsSettingsTest, ProfileNamedInTheFileWinsOverEnvironmentKeys) {
  CredentialsFile file(kCredentials);
  AwsOverrides overrides;
  overrides.profile = "dev";
  std::string source;
  auto credentials = resolveCredentials(overrides,
                                        envOf({{"HOME", file.home()},
                                               {"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                               {"AWS_SECRET_ACCESS_KEY", "env-secret"}}),
                                        source);
  ASSERT_TRUE(credentials.ok());
  EXPECT_EQ(credentials->accessKeyId, "AKIDDEV");
}

TEST(AwsSettingsTest, MissingProfileIsAnErrorThatShowsNoSecret) {
  CredentialsFile file(kCredentials);
  std::string source;
  auto credentials = resolveCredentials(
      {},
      envOf({{"HOME", file.home()}, {"AWS_PROFILE", "prod"}, {"AWS_ACCESS_KEY_ID", "AKIDONLY"}}),
      source);
  ASSERT_FALSE(credentials.ok());
  const std::string& message = credentials.error().message;
  EXPECT_NE(message.find("has no profile 'prod'"), std::string::npos) << message;
  EXPECT_EQ(message.find("secret"), std::string::npos);
  EXPECT_EQ(message.find("AKID"), std::string::npos);
}

TEST(AwsSettingsTest, NoCredentialsAnywhereIsAnError) {
  std::string source;
  auto credentials = resolveCredentials(
      {}, envOf({{"AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"}}), source);
  ASSERT_FALSE(credentials.ok());
  EXPECT_NE(credentials.error().message.find("AWS_ACCESS_KEY_ID"), std::string::npos);
}

TEST(CredentialsFileTest, ReadsOneSectionIgnoringCommentsAndOthers) {
  auto section = readIniSection("; top\n[a]\nk = 1\n[b]\nk=2\nother = x y \r\n[a]\nz=3\n", "b");
  ASSERT_TRUE(section);
  EXPECT_EQ(section->size(), 2u);
  EXPECT_EQ(section->at("k"), "2");
  EXPECT_EQ(section->at("other"), "x y");
  EXPECT_FALSE(readIniSection("[a]\nk=1\n", "c"));
}

} // namespace
} // namespace asl::adapters::aws
