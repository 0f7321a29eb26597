// The builtin provider's intent parser: each phrasing it knows, the subject
// kept as written, and times of lab bookings read in UTC.

#include <gtest/gtest.h>

#include "ai/intent_parser.h"

namespace deltalabs::ai {
namespace {

using Kind = Intent::Kind;

TEST(IntentParser, RecognisesEachIntentAndKeepsTheSubjectAsWritten) {
  EXPECT_EQ(IntentParser::parse("Enroll me in Organic Spectroscopy.").kind, Kind::kEnroll);
  EXPECT_EQ(IntentParser::parse("Enroll me in Organic Spectroscopy.").subject,
            "Organic Spectroscopy");
  EXPECT_EQ(IntentParser::parse("what are my grades in Chem 101?").subject, "Chem 101");
  EXPECT_EQ(IntentParser::parse("find courses about lasers").kind, Kind::kSearch);
  EXPECT_EQ(IntentParser::parse("Show my enrollments").kind, Kind::kMyEnrollments);
  EXPECT_EQ(IntentParser::parse("go to my cart").kind, Kind::kGoTo);
  EXPECT_EQ(IntentParser::parse("Go to my enrollments").subject, "my enrollments");
  EXPECT_EQ(IntentParser::parse("list courses").kind, Kind::kListCourses);
  EXPECT_EQ(IntentParser::parse("tell me a joke").kind, Kind::kNone);
  const Intent ask = IntentParser::parse("Ask a question in Optics: why is the sky blue?");
  EXPECT_EQ(ask.kind, Kind::kAsk);
  EXPECT_EQ(ask.subject, "Optics");
  EXPECT_EQ(ask.question, "why is the sky blue?");
}

TEST(IntentParser, ReadsLabBookingsAndCartsWithTheirTimesInUtc) {
  const TimePoint at = *parse_rfc3339("2026-12-02T09:30:00Z");
  const Intent tomorrow = IntentParser::parse("Book the Chemistry Lab tomorrow at 10", at);
  EXPECT_EQ(tomorrow.kind, Kind::kBook);
  EXPECT_EQ(tomorrow.subject, "Chemistry Lab");
  EXPECT_EQ(tomorrow.when, "2026-12-03T10:00:00.000Z");
  EXPECT_EQ(IntentParser::parse("book optics lab today at 2:30pm", at).when,
            "2026-12-02T14:30:00.000Z");
  EXPECT_EQ(IntentParser::parse("book optics lab at 2026-12-05T08:00:00Z", at).when,
            "2026-12-05T08:00:00.000Z");
  EXPECT_EQ(IntentParser::parse("book optics lab today at 25", at).when, "");
  const Intent cart = IntentParser::parse("Add Organic Chemistry to my cart", at);
  EXPECT_EQ(cart.kind, Kind::kCart);
  EXPECT_EQ(cart.subject, "Organic Chemistry");
}

TEST(IntentParser, KeepsAQuestionsPunctuationAndSplitsDraftsAtTheColon) {
  const Intent bare = IntentParser::parse("ask in Optics");
  EXPECT_EQ(bare.kind, Kind::kAsk);
  EXPECT_EQ(bare.subject, "Optics");
  EXPECT_EQ(bare.question, "");
  const Intent draft =
      IntentParser::parse("  Draft a section for \"Optics II\": Lenses and mirrors.  ");
  EXPECT_EQ(draft.kind, Kind::kDraft);
  EXPECT_EQ(draft.subject, "Optics II");
  EXPECT_EQ(draft.question, "Lenses and mirrors.");
}

TEST(IntentParser, ReadsEachCartPhrasingAndCourseNamingPrefix) {
  EXPECT_EQ(IntentParser::parse("put Optics in my cart").subject, "Optics");
  EXPECT_EQ(IntentParser::parse("add 'Optics' to the cart!").subject, "Optics");
  EXPECT_EQ(IntentParser::parse("add to my cart").kind, Kind::kNone);
  EXPECT_EQ(IntentParser::parse("Sign me up for Chem 101").kind, Kind::kEnroll);
  EXPECT_EQ(IntentParser::parse("grades in Chem 101").kind, Kind::kGrades);
  EXPECT_EQ(IntentParser::parse("search for lasers").subject, "lasers");
  EXPECT_EQ(IntentParser::parse("Take me to /orders").subject, "/orders");
  EXPECT_EQ(IntentParser::parse("Am I enrolled anywhere?").kind, Kind::kMyEnrollments);
  EXPECT_EQ(IntentParser::parse("What courses are there?").kind, Kind::kListCourses);
}

TEST(IntentParser, ReadsTwelveOClockAndReservationsAndRefusesBadMinutes) {
  const TimePoint at = *parse_rfc3339("2026-12-02T23:30:00Z");
  const Intent midnight = IntentParser::parse("Reserve the Optics Lab tomorrow at 12am", at);
  EXPECT_EQ(midnight.kind, Kind::kBook);
  EXPECT_EQ(midnight.subject, "Optics Lab");
  EXPECT_EQ(midnight.when, "2026-12-03T00:00:00.000Z");
  EXPECT_EQ(IntentParser::parse("book optics lab today at 12pm", at).when,
            "2026-12-02T12:00:00.000Z");
  EXPECT_EQ(IntentParser::parse("book optics lab today at 9:75", at).when, "");
  EXPECT_EQ(IntentParser::parse("book optics lab at 2026-13-45T99:00:00Z", at).when, "");
}

TEST(IntentParser, LowerCasesAsciiOnly) {
  EXPECT_EQ(IntentParser::lower("Chem 101 \xC3\x84"), "chem 101 \xC3\x84");
}

}  // namespace
}  // namespace deltalabs::ai
