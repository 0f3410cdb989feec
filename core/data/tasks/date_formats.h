// The human ways of writing a date that the dates task reads: 29 patterns in English, French and
// numbers. Every pattern maps a written date back to exactly one ISO date: two-digit years are
// 1950..2049 (50..99 -> 19xx, 00..49 -> 20xx), and the US month-first numeric patterns are only
// used when the day is above 12, where day-first reading is impossible, so "05/03/2026" is
// always 5 March.
#pragma once

#include <string>
#include <vector>

#include "data/tasks/calendar.h"

namespace attn::data {

struct DateFormat {
  std::string name;     // "fr-weekday-long"
  std::string pattern;  // "{jour} {dfr} {mois} {yyyy}"
  // Month-first numeric (US): only for days above 12, so the reading stays unambiguous.
  bool monthFirst = false;
};

// Placeholders: {d} {dd} day (5, 05); {dth} English ordinal (5th); {dfr} French day (1er, 5);
// {m} {mm} month (3, 03); {yyyy} {yy} year; {MMMM} {MMM} English month (March, Mar);
// {EEEE} {EEE} English weekday (Saturday, Sat); {mois} {mois.} French month (mars, nov.);
// {jour} {Jour} {jour.} French weekday (samedi, Samedi, sam.).
const std::vector<DateFormat>& dateFormats();
const DateFormat& dateFormat(const std::string& name);  // throws attn::Error if unknown

// Whether the format can write this date without ambiguity (and the year in its range).
bool canRender(const DateFormat& format, const CivilDate& date);
// The date written in the format; the weekday is computed from the date.
std::string renderDate(const DateFormat& format, const CivilDate& date);

inline constexpr int kFirstYear = 1950, kLastYear = 2049;

}  // namespace attn::data
