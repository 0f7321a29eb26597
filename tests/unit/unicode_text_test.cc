// UnicodeText: what "the same short answer" means. Learners type on every
// kind of keyboard, so composed and decomposed accents, case (including
// full folding) and stray surrounding spaces must not change the verdict,
// while inner spaces and different letters must.
#include <gtest/gtest.h>

#include "core/unicode_text.h"

namespace deltalabs {
namespace {

TEST(UnicodeText, NfcComposesDecomposedAccents) {
  EXPECT_EQ(UnicodeText::nfc("e\xCC\x81"), "\xC3\xA9");  // e + combining acute -> é
  EXPECT_EQ(UnicodeText::nfc("plain"), "plain");
  EXPECT_EQ(UnicodeText::nfc(""), "");
}

TEST(UnicodeText, ComparisonKeyTrimsFoldsCaseAndNormalises) {
  EXPECT_EQ(UnicodeText::comparison_key("  Paris \t\n"), "paris");
  EXPECT_EQ(UnicodeText::comparison_key("CAF\xC3\x89"),
            UnicodeText::comparison_key("cafe\xCC\x81"));
  EXPECT_EQ(UnicodeText::comparison_key("Stra\xC3\x9F"
                                        "e"),
            "strasse");  // full case folding
  // U+3000 IDEOGRAPHIC SPACE and U+00A0 NO-BREAK SPACE are white space too.
  EXPECT_EQ(UnicodeText::comparison_key("\xE3\x80\x80Tokyo\xC2\xA0"), "tokyo");
}

TEST(UnicodeText, SameAnswerKeepsInnerDifferences) {
  EXPECT_TRUE(UnicodeText::same_answer(" New York", "new york "));
  EXPECT_FALSE(UnicodeText::same_answer("New York", "NewYork"));
  EXPECT_FALSE(UnicodeText::same_answer("resume", "r\xC3\xA9sum\xC3\xA9"));
}

TEST(UnicodeText, InvalidUtf8IsOnlyTrimmedNeverLost) {
  const std::string broken = "ab\xFF";
  EXPECT_EQ(UnicodeText::nfc(broken), broken);
  EXPECT_EQ(UnicodeText::comparison_key(broken), broken);
  EXPECT_EQ(UnicodeText::comparison_key("   "), "");
}

}  // namespace
}  // namespace deltalabs
