#include "data/tasks/date_formats.h"

#include <cstdio>

#include "data/tasks/date_words.h"
#include "util/check.h"

namespace attn::data {

using namespace datewords;

const std::vector<DateFormat>& dateFormats() {
  static const std::vector<DateFormat> kFormats{
      // English, words. Examples are for 2026-11-21, a Saturday.
      {"en-long", "{d} {MMMM} {yyyy}"},                     // 21 November 2026
      {"en-us-long", "{MMMM} {d}, {yyyy}"},                 // November 21, 2026
      {"en-us-short", "{MMM} {d}, {yyyy}"},                 // Nov 21, 2026
      {"en-us-short-yy", "{MMM} {d}, {yy}"},                // Nov 21, 26
      {"en-short", "{d} {MMM} {yyyy}"},                     // 21 Nov 2026
      {"en-dash", "{d}-{MMM}-{yyyy}"},                      // 21-Nov-2026
      {"en-weekday-us", "{EEEE}, {MMMM} {d}, {yyyy}"},      // Saturday, November 21, 2026
      {"en-weekday-long", "{EEEE} {d} {MMMM} {yyyy}"},      // Saturday 21 November 2026
      {"en-weekday-short", "{EEE} {d} {MMM} {yyyy}"},       // Sat 21 Nov 2026
      {"en-weekday-us-short", "{EEE}, {MMM} {d}, {yyyy}"},  // Sat, Nov 21, 2026
      {"en-ordinal-of", "the {dth} of {MMMM} {yyyy}"},      // the 21st of November 2026
      {"en-ordinal-us", "{MMMM} {dth}, {yyyy}"},            // November 21st, 2026
      {"en-ordinal", "{dth} {MMMM} {yyyy}"},                // 21st November 2026
      // Numbers.
      {"num-dmy-slash", "{dd}/{mm}/{yyyy}"},         // 21/11/2026
      {"num-dmy-slash-short", "{d}/{m}/{yyyy}"},     // 21/11/2026, 5/3/2026
      {"num-dmy-slash-yy", "{dd}/{mm}/{yy}"},        // 21/11/26
      {"num-dmy-dot", "{dd}.{mm}.{yyyy}"},           // 21.11.2026
      {"num-dmy-dash", "{dd}-{mm}-{yyyy}"},          // 21-11-2026
      {"num-ymd-slash", "{yyyy}/{mm}/{dd}"},         // 2026/11/21
      {"num-ymd-compact", "{yyyy}{mm}{dd}"},         // 20261121
      {"num-mdy-us", "{mm}/{dd}/{yyyy}", true},      // 11/21/2026 (day > 12 only)
      {"num-mdy-us-short", "{m}/{d}/{yyyy}", true},  // 11/21/2026, 3/15/2026
      // French.
      {"fr-long", "{dfr} {mois} {yyyy}"},                    // 21 novembre 2026, 1er mai 2026
      {"fr-le", "le {dfr} {mois} {yyyy}"},                   // le 21 novembre 2026
      {"fr-short", "{dfr} {mois.} {yyyy}"},                  // 21 nov. 2026
      {"fr-weekday", "{jour} {dfr} {mois} {yyyy}"},          // samedi 21 novembre 2026
      {"fr-weekday-capital", "{Jour} {dfr} {mois} {yyyy}"},  // Samedi 21 novembre 2026
      {"fr-le-weekday", "le {jour} {dfr} {mois} {yyyy}"},    // le samedi 21 novembre 2026
      {"fr-weekday-short", "{jour.} {dfr} {mois.} {yyyy}"},  // sam. 21 nov. 2026
  };
  return kFormats;
}

const DateFormat& dateFormat(const std::string& name) {
  std::string names;
  for (const DateFormat& f : dateFormats()) {
    if (f.name == name) return f;
    names += (names.empty() ? "" : ", ") + f.name;
  }
  throw Error("unknown date format \"" + name + "\"; the formats are: " + names);
}

bool canRender(const DateFormat& format, const CivilDate& date) {
  return isValidDate(date) && date.year >= kFirstYear && date.year <= kLastYear &&
         (!format.monthFirst || date.day > 12);
}

namespace {

std::string twoDigits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string field(const std::string& key, const CivilDate& d, int w) {
  if (key == "d") return std::to_string(d.day);
  if (key == "dd") return twoDigits(d.day);
  if (key == "dth") return englishOrdinal(d.day);
  if (key == "dfr") return frenchDay(d.day);
  if (key == "m") return std::to_string(d.month);
  if (key == "mm") return twoDigits(d.month);
  if (key == "yyyy") return std::to_string(d.year);
  if (key == "yy") return twoDigits(d.year % 100);
  if (key == "MMMM") return englishMonth(d.month);
  if (key == "MMM") return englishMonthShort(d.month);
  if (key == "EEEE") return englishWeekday(w);
  if (key == "EEE") return englishWeekdayShort(w);
  if (key == "mois") return frenchMonth(d.month);
  if (key == "mois.") return frenchMonthShort(d.month);
  if (key == "jour") return frenchWeekday(w);
  if (key == "jour.") return frenchWeekdayShort(w);
  if (key == "Jour") {
    std::string s = frenchWeekday(w);
    s[0] = static_cast<char>(s[0] - 'a' + 'A');  // French weekdays all start with an ASCII letter
    return s;
  }
  throwInternal(__FILE__, __LINE__, "unknown date placeholder {" + key + "}");
}

}  // namespace

std::string renderDate(const DateFormat& format, const CivilDate& date) {
  ATTN_CHECK(canRender(format, date),
             "renderDate: " + toIso(date) + " cannot be written as " + format.name);
  const int w = weekday(date);
  std::string out;
  const std::string& p = format.pattern;
  for (size_t i = 0; i < p.size();) {
    if (p[i] == '{') {
      const size_t close = p.find('}', i);
      ATTN_CHECK(close != std::string::npos, "unclosed placeholder in " + format.name);
      out += field(p.substr(i + 1, close - i - 1), date, w);
      i = close + 1;
    } else {
      out += p[i++];
    }
  }
  return out;
}

}  // namespace attn::data
