#include "data/tasks/date_words.h"

#include <array>

#include "util/check.h"

namespace attn::data::datewords {

namespace {

using Months = std::array<std::string, 12>;
using Days = std::array<std::string, 7>;

const Months kEnglishMonths{"January", "February", "March",     "April",   "May",      "June",
                            "July",    "August",   "September", "October", "November", "December"};
const Months kEnglishMonthsShort{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const Days kEnglishWeekdays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                            "Friday", "Saturday", "Sunday"};
const Days kEnglishWeekdaysShort{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

const Months kFrenchMonths{"janvier", "février", "mars",      "avril",   "mai",      "juin",
                           "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
// The abbreviations of French typography: short months are written in full.
const Months kFrenchMonthsShort{"janv.", "févr.", "mars",  "avr.", "mai",  "juin",
                                "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
const Days kFrenchWeekdays{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
const Days kFrenchWeekdaysShort{"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."};

const std::string& month(const Months& names, int m) {
  ATTN_CHECK(m >= 1 && m <= 12, "month out of range");
  return names[static_cast<size_t>(m - 1)];
}

const std::string& day(const Days& names, int w) {
  ATTN_CHECK(w >= 0 && w <= 6, "weekday out of range");
  return names[static_cast<size_t>(w)];
}

}  // namespace

const std::string& englishMonth(int m) {
  return month(kEnglishMonths, m);
}
const std::string& englishMonthShort(int m) {
  return month(kEnglishMonthsShort, m);
}
const std::string& englishWeekday(int w) {
  return day(kEnglishWeekdays, w);
}
const std::string& englishWeekdayShort(int w) {
  return day(kEnglishWeekdaysShort, w);
}

std::string englishOrdinal(int d) {
  const int lastTwo = d % 100, last = d % 10;
  const char* suffix = (lastTwo >= 11 && lastTwo <= 13) ? "th"
                       : last == 1                      ? "st"
                       : last == 2                      ? "nd"
                       : last == 3                      ? "rd"
                                                        : "th";
  return std::to_string(d) + suffix;
}

const std::string& frenchMonth(int m) {
  return month(kFrenchMonths, m);
}
const std::string& frenchMonthShort(int m) {
  return month(kFrenchMonthsShort, m);
}
const std::string& frenchWeekday(int w) {
  return day(kFrenchWeekdays, w);
}
const std::string& frenchWeekdayShort(int w) {
  return day(kFrenchWeekdaysShort, w);
}

std::string frenchDay(int d) {
  return d == 1 ? "1er" : std::to_string(d);
}

}  // namespace attn::data::datewords
