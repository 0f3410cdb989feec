// The dates task: real weekdays, every format written as expected for known dates, and a source
// that always determines its ISO target (no ambiguous day/month order, pinned century).
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "data/tasks/calendar.h"
#include "data/tasks/date_formats.h"
#include "data/tasks/task.h"
#include "util/check.h"

namespace attn::data {
namespace {

std::string render(const std::string& format, CivilDate d) {
  return renderDate(dateFormat(format), d);
}

TEST(DataCalendar, KnownWeekdays) {
  EXPECT_EQ(weekday({2026, 11, 21}), 5);  // Saturday
  EXPECT_EQ(weekday({2000, 1, 1}), 5);    // Saturday
  EXPECT_EQ(weekday({1970, 1, 1}), 3);    // Thursday
  EXPECT_EQ(weekday({1969, 7, 20}), 6);   // Sunday: the Moon landing
  EXPECT_EQ(weekday({2024, 2, 29}), 3);   // Thursday
  EXPECT_EQ(weekday({1950, 1, 1}), 6);    // Sunday
}

TEST(DataCalendar, LeapYearsAndDayCounts) {
  EXPECT_TRUE(isLeapYear(2000));
  EXPECT_FALSE(isLeapYear(1900));
  EXPECT_TRUE(isLeapYear(2024));
  EXPECT_EQ(daysInMonth(2023, 2), 28);
  EXPECT_EQ(daysInMonth(2024, 2), 29);
  EXPECT_FALSE(isValidDate({2023, 2, 29}));
  EXPECT_EQ(daysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(daysFromCivil({2000, 3, 1}) - daysFromCivil({2000, 2, 28}), 2);
}

TEST(DataCalendar, DaysRoundTripOverTheTaskRange) {
  for (int64_t d = daysFromCivil({1950, 1, 1}); d <= daysFromCivil({2049, 12, 31}); d += 17) {
    const CivilDate c = civilFromDays(d);
    ASSERT_TRUE(isValidDate(c));
    ASSERT_EQ(daysFromCivil(c), d);
  }
  EXPECT_EQ(toIso({2026, 11, 21}), "2026-11-21");
  EXPECT_EQ(toIso({1950, 1, 5}), "1950-01-05");
}

TEST(DataDateFormats, TheExamplesOfTheIssue) {
  const CivilDate d{2026, 11, 21};
  EXPECT_EQ(render("en-long", d), "21 November 2026");
  EXPECT_EQ(render("en-us-short-yy", d), "Nov 21, 26");
  EXPECT_EQ(render("num-dmy-slash", d), "21/11/2026");
  EXPECT_EQ(render("num-mdy-us", d), "11/21/2026");
  EXPECT_EQ(render("num-ymd-slash", d), "2026/11/21");
  EXPECT_EQ(render("en-weekday-us", d), "Saturday, November 21, 2026");
  EXPECT_EQ(render("fr-weekday", d), "samedi 21 novembre 2026");
  EXPECT_EQ(render("fr-short", d), "21 nov. 2026");
  EXPECT_EQ(render("fr-le", d), "le 21 novembre 2026");
  EXPECT_EQ(render("num-dmy-dot", d), "21.11.2026");
  EXPECT_EQ(render("en-short", d), "21 Nov 2026");
  EXPECT_EQ(render("en-weekday-short", d), "Sat 21 Nov 2026");
  EXPECT_EQ(render("fr-weekday-short", d), "sam. 21 nov. 2026");
  EXPECT_EQ(render("en-ordinal-of", d), "the 21st of November 2026");
}

TEST(DataDateFormats, FirstOfJanuary2000) {
  const CivilDate d{2000, 1, 1};
  EXPECT_EQ(render("en-weekday-long", d), "Saturday 1 January 2000");
  EXPECT_EQ(render("fr-le-weekday", d), "le samedi 1er janvier 2000");
  EXPECT_EQ(render("en-ordinal-us", d), "January 1st, 2000");
  EXPECT_EQ(render("num-dmy-slash-yy", d), "01/01/00");
  EXPECT_EQ(render("num-dmy-slash-short", d), "1/1/2000");
  EXPECT_EQ(render("fr-weekday-capital", d), "Samedi 1er janvier 2000");
}

TEST(DataDateFormats, OrdinalsAndFrenchAbbreviations) {
  EXPECT_EQ(render("en-ordinal", {2001, 3, 2}), "2nd March 2001");
  EXPECT_EQ(render("en-ordinal", {2001, 3, 3}), "3rd March 2001");
  EXPECT_EQ(render("en-ordinal", {2001, 3, 11}), "11th March 2001");
  EXPECT_EQ(render("en-ordinal", {2001, 3, 12}), "12th March 2001");
  EXPECT_EQ(render("en-ordinal", {2001, 3, 23}), "23rd March 2001");
  EXPECT_EQ(render("fr-short", {2001, 5, 8}), "8 mai 2001");  // short months are not cut
  EXPECT_EQ(render("fr-short", {2001, 2, 8}), "8 févr. 2001");
  EXPECT_EQ(render("fr-short", {2001, 8, 15}), "15 août 2001");
}

TEST(DataDateFormats, UsNumericOnlyWhenDayAboveTwelve) {
  const DateFormat& us = dateFormat("num-mdy-us");
  EXPECT_FALSE(canRender(us, {2026, 3, 5}));
  EXPECT_FALSE(canRender(us, {2026, 3, 12}));
  EXPECT_TRUE(canRender(us, {2026, 3, 13}));
  EXPECT_FALSE(canRender(dateFormat("en-long"), {1949, 12, 31}));  // outside the year range
  EXPECT_THROW(dateFormat("klingon"), Error);
}

TEST(DataDateFormats, EnoughFormatsInBothLanguages) {
  int english = 0, french = 0;
  for (const DateFormat& f : dateFormats()) {
    english += f.name.starts_with("en-");
    french += f.name.starts_with("fr-");
  }
  EXPECT_GE(dateFormats().size(), 15u);
  EXPECT_GE(english, 8);
  EXPECT_GE(french, 5);
}

TEST(DataDatesTask, TargetsAreIsoAndEachSourceHasOneTarget) {
  // Different dates must never be written the same way: over every format and a sample of
  // dates, a written form maps to exactly one ISO date.
  std::map<std::string, std::string> targetOf;
  for (int64_t day = daysFromCivil({1950, 1, 1}); day <= daysFromCivil({2049, 12, 31}); day += 3) {
    const CivilDate d = civilFromDays(day);
    for (const DateFormat& f : dateFormats()) {
      if (!canRender(f, d)) continue;
      const auto [it, inserted] = targetOf.emplace(renderDate(f, d), toIso(d));
      ASSERT_TRUE(inserted || it->second == toIso(d))
          << "\"" << it->first << "\" is both " << it->second << " and " << toIso(d);
    }
  }
}

TEST(DataDatesTask, GeneratedExamplesAreConsistent) {
  const auto task = makeTask("dates");
  TaskConfig c = task->defaultConfig();
  c.trainSize = 2000;
  c.validationSize = c.testSize = 100;
  const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
  const char* const kFrenchDays[] = {"lundi",    "mardi",  "mercredi", "jeudi",
                                     "vendredi", "samedi", "dimanche"};
  const char* const kEnglishDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                      "Friday", "Saturday", "Sunday"};
  for (const Example& e : task->generate(c).train) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(e.target, m, iso)) << e.target;
    const CivilDate d{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
    ASSERT_TRUE(isValidDate(d));
    EXPECT_GE(d.year, kFirstYear);
    EXPECT_LE(d.year, kLastYear);
    // A weekday written in the source is the date's real one.
    for (int w = 0; w < 7; ++w) {
      if (e.source.find(kFrenchDays[w]) != std::string::npos ||
          e.source.find(kEnglishDays[w]) != std::string::npos) {
        EXPECT_EQ(w, weekday(d)) << e.source << " -> " << e.target;
      }
    }
  }
}

}  // namespace
}  // namespace attn::data
