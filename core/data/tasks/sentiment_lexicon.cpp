#include "data/tasks/sentiment_lexicon.h"

#include <algorithm>
#include <unordered_map>

namespace attn::data::sentiment {

const std::vector<Topic>& topics() {
  static const std::vector<Topic> k{
      {"the movie", false},    {"the film", false},       {"this film", false},
      {"the plot", false},     {"the story", false},      {"the ending", false},
      {"the acting", false},   {"the music", false},      {"the soundtrack", false},
      {"the dialogue", false}, {"the book", false},       {"this book", false},
      {"the show", false},     {"the game", false},       {"the album", false},
      {"the food", false},     {"the service", false},    {"the hotel", false},
      {"the room", false},     {"the restaurant", false}, {"this place", false},
      {"the actors", true},    {"the characters", true},  {"the jokes", true},
      {"the songs", true},     {"the waiters", true},     {"the dishes", true},
      {"the effects", true},   {"the rooms", true},       {"these shoes", true},
  };
  return k;
}

const std::vector<std::string>& positiveAdjectives() {
  static const std::vector<std::string> k{
      "good",      "great",    "excellent", "wonderful", "brilliant", "delightful",
      "enjoyable", "fun",      "funny",     "charming",  "beautiful", "impressive",
      "moving",    "clever",   "fresh",     "friendly",  "perfect",   "amazing",
      "superb",    "pleasant", "lovely",    "gripping",  "fantastic", "outstanding"};
  return k;
}

const std::vector<std::string>& negativeAdjectives() {
  static const std::vector<std::string> k{
      "bad",           "terrible",   "awful",    "boring",   "dull",        "poor",
      "disappointing", "bland",      "rude",     "dirty",    "slow",        "confusing",
      "predictable",   "weak",       "mediocre", "horrible", "painful",     "tedious",
      "annoying",      "overpriced", "lifeless", "clumsy",   "forgettable", "dreadful"};
  return k;
}

const std::vector<Feeling>& feelings() {
  static const std::vector<Feeling> k{
      {"love", "loves", "loved", +1},
      {"enjoy", "enjoys", "enjoyed", +1},
      {"like", "likes", "liked", +1},
      {"adore", "adores", "adored", +1},
      {"appreciate", "appreciates", "appreciated", +1},
      {"recommend", "recommends", "recommended", +1},
      {"hate", "hates", "hated", -1},
      {"dislike", "dislikes", "disliked", -1},
      {"detest", "detests", "detested", -1},
      {"regret", "regrets", "regretted", -1},
  };
  return k;
}

const std::vector<Experiencer>& experiencers() {
  static const std::vector<Experiencer> k{
      {"i", false},        {"we", false},        {"my friends", false}, {"my kids", false},
      {"my sister", true}, {"my husband", true}, {"my wife", true},     {"everybody", true},
  };
  return k;
}

const std::vector<std::string>& intensifiers() {
  static const std::vector<std::string> k{"very",       "extremely", "really", "truly",
                                          "incredibly", "quite",     "so",     "remarkably"};
  return k;
}

const std::vector<std::string>& verbIntensifiers() {
  static const std::vector<std::string> k{"really", "truly", "absolutely", "genuinely"};
  return k;
}

const std::vector<std::string>& experienceNouns() {
  static const std::vector<std::string> k{"experience", "evening", "film",  "meal",
                                          "read",       "choice",  "night", "trip"};
  return k;
}

const std::vector<std::string>& openers() {
  static const std::vector<std::string> k{
      "honestly ,",   "overall ,", "to be honest ,", "in my opinion ,", "frankly ,",
      "all in all ,", "i think",   "i must say",     "well ,",          "to sum up ,"};
  return k;
}

const std::vector<std::string>& neutralClauses() {
  static const std::vector<std::string> k{
      "we saw it last weekend",  "i went with my sister", "we watched it on tuesday",
      "we went there on friday", "i read it on holiday",  "it lasts two hours",
      "we booked it in advance", "i bought it in june",   "my brother chose it",
      "we arrived at eight",     "it came out last year", "we ordered the menu"};
  return k;
}

const std::vector<std::string>& closers() {
  static const std::vector<std::string> k{"last night",     "on sunday",    "this weekend",
                                          "yesterday",      "in the end",   "this time",
                                          "with my family", "at the cinema"};
  return k;
}

int polarityOf(std::string_view word) {
  static const std::unordered_map<std::string, int> kTable = [] {
    std::unordered_map<std::string, int> t;
    for (const auto& w : positiveAdjectives()) t[w] = +1;
    for (const auto& w : negativeAdjectives()) t[w] = -1;
    for (const auto& f : feelings())
      for (const auto* w : {&f.base, &f.third, &f.past}) t[*w] = f.polarity;
    return t;
  }();
  auto it = kTable.find(std::string(word));
  return it == kTable.end() ? 0 : it->second;
}

bool isNegator(std::string_view w) {
  static const char* const kNegators[] = {"not",     "never",  "isn't", "wasn't", "aren't",
                                          "weren't", "didn't", "don't", "doesn't"};
  return std::any_of(std::begin(kNegators), std::end(kNegators),
                     [&](const char* n) { return w == n; });
}

}  // namespace attn::data::sentiment
