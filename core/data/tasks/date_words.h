// The words dates are written with, in English and in French: month and weekday names, their
// abbreviations, and ordinals ("21st", "1er"). Kept apart from the formats so a language can be
// added by adding a word list.
#pragma once

#include <string>

namespace attn::data::datewords {

// month 1..12, weekday 0 = Monday .. 6 = Sunday.
const std::string& englishMonth(int month);           // "November"
const std::string& englishMonthShort(int month);      // "Nov"
const std::string& englishWeekday(int weekday);       // "Saturday"
const std::string& englishWeekdayShort(int weekday);  // "Sat"
std::string englishOrdinal(int day);                  // "1st", "2nd", "3rd", "11th", "21st"

const std::string& frenchMonth(int month);           // "novembre" (lower case, as French writes)
const std::string& frenchMonthShort(int month);      // "nov.", and "mai", "juin", "août", "mars"
const std::string& frenchWeekday(int weekday);       // "samedi"
const std::string& frenchWeekdayShort(int weekday);  // "sam."
std::string frenchDay(int day);                      // "1er" for the first, else the number

}  // namespace attn::data::datewords
