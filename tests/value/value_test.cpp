// asl::Value: sharing, reference counts, thread safety, lookup, deep teardown and equality.
#include "asl/value.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "runtime/value/value_node.h"

namespace asl {
namespace {

size_t refsOf(const Value& v) {
  return detail::ValueAccess::node(v)->refs.load(std::memory_order_relaxed);
}

Value smallObject() {
  return Value::object({makeMember("a", Value::integer(1)), makeMember("b", Value::string("two"))});
}

Value bigObject(int members) {
  std::vector<Member> ms;
  for (int i = 0; i < members; ++i)
    ms.push_back(makeMember("key" + std::to_string(i), Value::integer(i)));
  return Value::object(std::move(ms));
}

TEST(ValueTest, HandleIsSixteenBytes) {
  EXPECT_EQ(sizeof(Value), 16u);
}

TEST(ValueTest, DefaultIsNull) {
  Value v;
  EXPECT_TRUE(v.isNull());
  EXPECT_EQ(v.payloadIdentity(), nullptr);
  EXPECT_EQ(v.size(), 0u);
}

TEST(ValueTest, ScalarsKeepKindAndValue) {
  EXPECT_TRUE(Value::boolean(true).asBool());
  EXPECT_FALSE(Value::boolean(false).asBool());
  EXPECT_TRUE(Value::integer(3).isInteger());
  EXPECT_EQ(Value::integer(-7).asInteger(), -7);
  EXPECT_FALSE(Value::number(2.0).isInteger());
  EXPECT_TRUE(Value::number(2.0).isNumber());
  EXPECT_EQ(Value::number(2.5).asDouble(), 2.5);
  EXPECT_EQ(Value::string("héllo").asString(), "héllo");
  EXPECT_EQ(Value::string("héllo").size(), 6u);
}

TEST(ValueTest, NonFiniteNumbersBecomeNull) {
  EXPECT_TRUE(Value::number(std::numeric_limits<double>::infinity()).isNull());
  EXPECT_TRUE(Value::number(std::numeric_limits<double>::quiet_NaN()).isNull());
}

TEST(ValueTest, AsIntegerTruncatesAndSaturatesDoubles) {
  EXPECT_EQ(Value::number(2.9).asInteger(), 2);
  EXPECT_EQ(Value::number(-2.9).asInteger(), -2);
  EXPECT_EQ(Value::number(1e30).asInteger(), INT64_MAX);
  EXPECT_EQ(Value::number(-1e30).asInteger(), INT64_MIN);
}

TEST(ValueTest, StringsMayHoldNulBytes) {
  Value v = Value::string(std::string_view("a\0b", 3));
  EXPECT_EQ(v.size(), 3u);
  EXPECT_EQ(v.asString(), std::string_view("a\0b", 3));
}

TEST(ValueTest, AccessorsOfTheWrongKindAreEmpty) {
  Value n = Value::integer(1);
  EXPECT_TRUE(n.items().empty());
  EXPECT_TRUE(n.members().empty());
  EXPECT_EQ(n.find("a"), nullptr);
  EXPECT_EQ(n.asString(), "");
  EXPECT_FALSE(Value::string("x").asBool());
}

TEST(ValueTest, CopiesShareThePayload) {
  Value a = Value::array({Value::integer(1), Value::string("x")});
  Value b = a;
  EXPECT_NE(a.payloadIdentity(), nullptr);
  EXPECT_EQ(a.payloadIdentity(), b.payloadIdentity());
  EXPECT_EQ(refsOf(a), 2u);
  Value s = Value::string("shared");
  Value t = s;
  EXPECT_EQ(s.payloadIdentity(), t.payloadIdentity());
}

TEST(ValueTest, MoveTransfersWithoutTouchingTheCount) {
  Value a = smallObject();
  const void* id = a.payloadIdentity();
  Value b = std::move(a);
  EXPECT_TRUE(a.isNull()); // NOLINT(bugprone-use-after-move): moved-from handles are null
  EXPECT_EQ(b.payloadIdentity(), id);
  EXPECT_EQ(refsOf(b), 1u);
}

TEST(ValueTest, RefcountsDropToOneAfterCopiesDie) {
  Value a = Value::string("counted");
  {
    Value b = a;
    Value c;
    c = b;
    EXPECT_EQ(refsOf(a), 3u);
  }
  EXPECT_EQ(refsOf(a), 1u);
}

TEST(ValueTest, AssignmentReleasesTheOldPayload) {
  Value a = Value::string("first");
  Value keep = a;
  a = Value::string("second");
  EXPECT_EQ(refsOf(keep), 1u);
  a = a; // self-assignment keeps the value
  EXPECT_EQ(a.asString(), "second");
  EXPECT_EQ(refsOf(a), 1u);
}

TEST(ValueTest, AssigningAChildOverItsParentKeepsTheChildAlive) {
  Value parent = Value::array({Value::array({Value::string("child")})});
  parent = parent.items()[0];
  ASSERT_TRUE(parent.isArray());
  EXPECT_EQ(parent.items()[0].asString(), "child");
}

TEST(ValueTest, ChildrenSharedBetweenContainersSurviveEither) {
  Value child = Value::array({Value::string("leaf")});
  Value first = Value::array({child});
  Value second = Value::object({makeMember("c", child)});
  child = Value();
  first = Value();
  ASSERT_NE(second.find("c"), nullptr);
  EXPECT_EQ(second.find("c")->items()[0].asString(), "leaf");
}

TEST(ValueTest, CopiesFromTwoThreadsKeepTheCountExact) {
  Value shared = bigObject(40);
  auto churn = [&shared] {
    for (int i = 0; i < 100000; ++i) {
      Value copy = shared;
      Value again(copy);
      if (again.size() != 40) std::abort();
    }
  };
  std::thread t1(churn), t2(churn);
  t1.join();
  t2.join();
  EXPECT_EQ(refsOf(shared), 1u);
}

TEST(ValueTest, LastOwnerOnAnotherThreadFreesThePayload) {
  Value v = Value::array({Value::string("moved across")});
  Value copy = v;
  std::thread t([c = std::move(copy)]() mutable { c = Value(); });
  v = Value();
  t.join(); // under ASan a double free or leak would fail here
}

TEST(ValueTest, SmallObjectsFindByLinearSearch) {
  Value o = smallObject();
  ASSERT_NE(o.find("b"), nullptr);
  EXPECT_EQ(o.find("b")->asString(), "two");
  EXPECT_EQ(o.find("c"), nullptr);
  EXPECT_EQ(o.find(""), nullptr);
  EXPECT_TRUE((detail::ValueAccess::object(o).slotCount == 0));
}

TEST(ValueTest, BigObjectsFindThroughTheIndex) {
  Value o = bigObject(1000);
  EXPECT_FALSE((detail::ValueAccess::object(o).slotCount == 0));
  for (int i = 0; i < 1000; ++i) {
    const Value* v = o.find("key" + std::to_string(i));
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(v->asInteger(), i);
  }
  EXPECT_EQ(o.find("key1000"), nullptr);
  EXPECT_EQ(o.find("missing"), nullptr);
}

TEST(ValueTest, ObjectsJustAboveTheThresholdAreIndexed) {
  Value o = bigObject(static_cast<int>(Value::kIndexedMembers) + 1);
  EXPECT_FALSE((detail::ValueAccess::object(o).slotCount == 0));
  EXPECT_EQ(o.find("key16")->asInteger(), 16);
  Value small = bigObject(static_cast<int>(Value::kIndexedMembers));
  EXPECT_TRUE((detail::ValueAccess::object(small).slotCount == 0));
}

TEST(ValueTest, MembersKeepInsertionOrder) {
  Value o =
      Value::object({makeMember("z", Value()), makeMember("a", Value()), makeMember("m", Value())});
  ASSERT_EQ(o.members().size(), 3u);
  EXPECT_EQ(o.members()[0].key.asString(), "z");
  EXPECT_EQ(o.members()[1].key.asString(), "a");
  EXPECT_EQ(o.members()[2].key.asString(), "m");
}

TEST(ValueTest, DeeplyNestedArraysDestroyWithoutRecursion) {
  Value v = Value::integer(0);
  for (int i = 0; i < 100000; ++i)
    v = Value::array({std::move(v)});
  EXPECT_EQ(v.size(), 1u);
  v = Value(); // would overflow the stack if teardown recursed
  EXPECT_TRUE(v.isNull());
}

TEST(ValueTest, DeeplyNestedObjectsDestroyWithoutRecursion) {
  Value v;
  for (int i = 0; i < 100000; ++i)
    v = Value::object({makeMember("k", std::move(v))});
  Value copy = v; // a shared chain dies only with its last owner
  v = Value();
  EXPECT_EQ(copy.size(), 1u);
}

TEST(ValueTest, DeeplyNestedValuesCompareWithoutRecursion) {
  Value a = Value::integer(1), b = Value::number(1.0);
  for (int i = 0; i < 100000; ++i) {
    a = Value::array({std::move(a)});
    b = Value::array({std::move(b)});
  }
  EXPECT_TRUE(a == b);
}

TEST(ValueTest, NumbersCompareNumerically) {
  EXPECT_EQ(Value::integer(1), Value::number(1.0));
  EXPECT_EQ(Value::number(1.0), Value::integer(1));
  EXPECT_NE(Value::integer(1), Value::number(1.5));
  EXPECT_EQ(Value::number(0.0), Value::number(-0.0));
  // 2^53 + 1 is not representable as a double; it must not equal 2^53 by rounding.
  EXPECT_NE(Value::integer(9007199254740993), Value::number(9007199254740992.0));
  EXPECT_EQ(Value::integer(9007199254740992), Value::number(9007199254740992.0));
  EXPECT_NE(Value::integer(INT64_MAX), Value::number(9223372036854775808.0));
}

TEST(ValueTest, KindsNeverCompareEqualAcross) {
  EXPECT_NE(Value(), Value::boolean(false));
  EXPECT_NE(Value::integer(0), Value::boolean(false));
  EXPECT_NE(Value::string("1"), Value::integer(1));
  EXPECT_NE(Value::array({}), Value::object({}));
}

TEST(ValueTest, ObjectsCompareInAnyMemberOrder) {
  Value a =
      Value::object({makeMember("x", Value::integer(1)), makeMember("y", Value::array({Value()}))});
  Value b = Value::object(
      {makeMember("y", Value::array({Value()})), makeMember("x", Value::number(1.0))});
  EXPECT_EQ(a, b);
  Value c = Value::object({makeMember("x", Value::integer(1))});
  EXPECT_NE(a, c);
  Value d =
      Value::object({makeMember("x", Value::integer(1)), makeMember("z", Value::array({Value()}))});
  EXPECT_NE(a, d);
}

TEST(ValueTest, ArraysCompareInOrder) {
  EXPECT_EQ(Value::array({Value::integer(1), Value::integer(2)}),
            Value::array({Value::integer(1), Value::integer(2)}));
  EXPECT_NE(Value::array({Value::integer(1), Value::integer(2)}),
            Value::array({Value::integer(2), Value::integer(1)}));
  EXPECT_NE(Value::array({Value::integer(1)}),
            Value::array({Value::integer(1), Value::integer(1)}));
}

TEST(ValueTest, BigObjectsCompareThroughTheIndex) {
  Value a = bigObject(100);
  std::vector<Member> reversed(a.members().rbegin(), a.members().rend());
  EXPECT_EQ(a, Value::object(std::move(reversed)));
  EXPECT_NE(a, bigObject(99));
}

} // namespace
} // namespace asl
