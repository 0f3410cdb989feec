// Proleptic Gregorian calendar arithmetic for the dates task: which day of the week a date falls
// on, computed (never looked up), so every weekday the task writes is the real one.
#pragma once

#include <cstdint>
#include <string>

namespace attn::data {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);
bool isValidDate(const CivilDate& date);

// Days since 1970-01-01 (negative before), and back. Howard Hinnant's days_from_civil.
int64_t daysFromCivil(const CivilDate& date);
CivilDate civilFromDays(int64_t days);

// 0 = Monday .. 6 = Sunday (ISO 8601 order).
int weekday(const CivilDate& date);

// "2026-11-21"
std::string toIso(const CivilDate& date);

}  // namespace attn::data
