// SigV4 against AWS's published test suite (aws-sig-v4-test-suite: the AKIDEXAMPLE key,
// region us-east-1, service "service", 20150830T123600Z): every intermediate form of
// get-vanilla, then the signatures of the suite's other basic requests.
#include <gtest/gtest.h>

#include <chrono>

#include "runtime/adapters/aws/crypto.h"
#include "runtime/adapters/aws/sigv4.h"

namespace asl::adapters::aws {
namespace {

const Credentials kExample{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
const SigningScope kScope{"us-east-1", "service"};
constexpr const char* kDate = "20150830T123600Z";

SignableRequest suiteRequest(std::string_view method, std::string_view path,
                             std::string_view query = {}, std::string_view payload = {}) {
  return SignableRequest{
      method, path, query, {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", kDate}}, payload};
}

std::string signatureOf(const SignableRequest& request) {
  std::string header = authorizationHeader(kExample, kScope, kDate, request);
  return header.substr(header.rfind('=') + 1);
}

TEST(SigV4Test, GetVanillaCanonicalRequestMatchesTheSuite) {
  EXPECT_EQ(canonicalRequest(suiteRequest("GET", "/")),
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
            "host;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(SigV4Test, GetVanillaStringToSignMatchesTheSuite) {
  EXPECT_EQ(stringToSign(kDate, kScope, canonicalRequest(suiteRequest("GET", "/"))),
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
}

TEST(SigV4Test, SigningKeyMatchesTheSuite) {
  EXPECT_EQ(toHex(signingKey(kExample.secretAccessKey, "20150830", kScope)),
            "938127b5336810ddb6a5d6af445fcac9e371f9ed418ed386b022aed82901be75");
}

TEST(SigV4Test, SigningKeyMatchesTheDocumentedIamExample) {
  // AWS's "deriving the signing key" example: 20120215, us-east-1, iam.
  EXPECT_EQ(toHex(signingKey(kExample.secretAccessKey, "20120215", {"us-east-1", "iam"})),
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}

TEST(SigV4Test, GetVanillaAuthorizationHeaderMatchesTheSuite) {
  EXPECT_EQ(authorizationHeader(kExample, kScope, kDate, suiteRequest("GET", "/")),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            "SignedHeaders=host;x-amz-date, "
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST(SigV4Test, PostVanillaSignatureMatchesTheSuite) {
  EXPECT_EQ(signatureOf(suiteRequest("POST", "/")),
            "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
}

TEST(SigV4Test, QueryParametersAreSortedBeforeSigning) {
  // get-vanilla-query-order-key-case
  SignableRequest request = suiteRequest("GET", "/", "Param2=value2&Param1=value1");
  EXPECT_NE(canonicalRequest(request).find("\nParam1=value1&Param2=value2\n"), std::string::npos);
  EXPECT_EQ(signatureOf(request),
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
}

TEST(SigV4Test, Utf8PathIsPercentEncodedInTheCanonicalRequest) {
  // get-utf8: the path "/ሴ"
  SignableRequest request = suiteRequest("GET", "/\xE1\x88\xB4");
  EXPECT_EQ(canonicalRequest(request).substr(0, 15), "GET\n/%E1%88%B4\n");
  EXPECT_EQ(signatureOf(request),
            "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");
}

TEST(SigV4Test, FormBodyAndContentTypeAreSigned) {
  // post-x-www-form-urlencoded
  SignableRequest request = suiteRequest("POST", "/", {}, "Param1=value1");
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  EXPECT_EQ(signedHeaderNames(request), "content-type;host;x-amz-date");
  EXPECT_EQ(signatureOf(request),
            "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
}

TEST(SigV4Test, EncodedPathIsEncodedAgainAsEveryServiceButS3Expects) {
  // A Lambda function ARN travels percent-encoded in the path; its canonical form encodes the
  // '%' once more.
  SignableRequest request{"POST",
                          "/2015-03-31/functions/arn%3Aaws%3Alambda/invocations",
                          "",
                          {{"Host", "lambda.us-east-1.amazonaws.com"}, {"X-Amz-Date", kDate}},
                          "{}"};
  std::string canonical = canonicalRequest(request);
  EXPECT_EQ(canonical.substr(0, canonical.find('\n', 5)),
            "POST\n/2015-03-31/functions/arn%253Aaws%253Alambda/invocations");
}

TEST(SigV4Test, HeaderValuesAreTrimmedAndNamesLowerCased) {
  SignableRequest request = suiteRequest("GET", "/");
  request.headers.emplace_back("My-Header1", "  value1   with  spaces ");
  EXPECT_NE(canonicalRequest(request).find("\nmy-header1:value1 with spaces\n"), std::string::npos);
  EXPECT_EQ(signedHeaderNames(request), "host;my-header1;x-amz-date");
}

TEST(SigV4Test, UriEncodeKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(uriEncode("a-z_A.Z~0 9/+=&", false), "a-z_A.Z~0%209%2F%2B%3D%26");
  EXPECT_EQ(uriEncode("/a b/c", true), "/a%20b/c");
}

TEST(SigV4Test, AmzDateIsUtcBasicFormat) {
  auto t = std::chrono::system_clock::time_point(std::chrono::seconds(1440938160));
  EXPECT_EQ(amzDate(t), "20150830T123600Z");
}

TEST(CryptoTest, Md5MatchesRfc1321) {
  EXPECT_EQ(toHex(md5("")), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(toHex(md5("abc")), "900150983cd24fb0d6963f7d28e17f72");
}

} // namespace
} // namespace asl::adapters::aws
