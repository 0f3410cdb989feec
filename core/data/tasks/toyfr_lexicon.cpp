#include "data/tasks/toyfr_lexicon.h"

namespace attn::data::toyfr {

namespace {
constexpr Gender M = Gender::Masculine, F = Gender::Feminine;
constexpr unsigned kColour = Animal | Object | Landmark | Food;
constexpr unsigned kThing = Object | Landmark;
}  // namespace

const std::vector<Noun>& nouns() {
  static const std::vector<Noun> k{
      // People. "homme" starts with a mute h: l'homme, cet homme.
      {"man", "men", "homme", "hommes", M, Person},
      {"woman", "women", "femme", "femmes", F, Person},
      {"boy", "boys", "garçon", "garçons", M, Person},
      {"girl", "girls", "fille", "filles", F, Person},
      {"brother", "brothers", "frère", "frères", M, Person},
      {"sister", "sisters", "sœur", "sœurs", F, Person},
      {"king", "kings", "roi", "rois", M, Person},
      {"queen", "queens", "reine", "reines", F, Person},
      {"doctor", "doctors", "médecin", "médecins", M, Person},
      // Animals.
      {"cat", "cats", "chat", "chats", M, Animal},
      {"dog", "dogs", "chien", "chiens", M, Animal},
      {"bird", "birds", "oiseau", "oiseaux", M, Animal},
      {"horse", "horses", "cheval", "chevaux", M, Animal},
      {"mouse", "mice", "souris", "souris", F, Animal},
      {"cow", "cows", "vache", "vaches", F, Animal},
      {"duck", "ducks", "canard", "canards", M, Animal},
      {"rabbit", "rabbits", "lapin", "lapins", M, Animal},
      {"elephant", "elephants", "éléphant", "éléphants", M, Animal, true},
      {"goat", "goats", "chèvre", "chèvres", F, Animal},
      // Things one carries.
      {"book", "books", "livre", "livres", M, Object},
      {"ball", "balls", "ballon", "ballons", M, Object},
      {"key", "keys", "clé", "clés", F, Object},
      {"hat", "hats", "chapeau", "chapeaux", M, Object},
      {"bag", "bags", "sac", "sacs", M, Object},
      {"letter", "letters", "lettre", "lettres", F, Object},
      {"glass", "glasses", "verre", "verres", M, Object},
      {"box", "boxes", "boîte", "boîtes", F, Object},
      {"shirt", "shirts", "chemise", "chemises", F, Object},
      {"umbrella", "umbrellas", "parapluie", "parapluies", M, Object, true},
      {"flower", "flowers", "fleur", "fleurs", F, Object},
      {"picture", "pictures", "image", "images", F, Object},
      // Food and drink.
      {"apple", "apples", "pomme", "pommes", F, Food, true},
      {"cake", "cakes", "gâteau", "gâteaux", M, Food},
      {"orange", "oranges", "orange", "oranges", F, Food, true},
      {"cheese", "cheeses", "fromage", "fromages", M, Food},
      {"soup", "soups", "soupe", "soupes", F, Food},
      {"egg", "eggs", "œuf", "œufs", M, Food, true},
      {"banana", "bananas", "banane", "bananes", F, Food},
      {"coffee", "coffee", "café", "café", M, Drink, false, false},
      {"tea", "tea", "thé", "thé", M, Drink, false, false},
      {"lemonade", "lemonade", "limonade", "limonade", F, Drink, false, false},
      // Big things.
      {"table", "tables", "table", "tables", F, Landmark},
      {"chair", "chairs", "chaise", "chaises", F, Landmark},
      {"car", "cars", "voiture", "voitures", F, Landmark},
      {"tree", "trees", "arbre", "arbres", M, Landmark},
      {"house", "houses", "maison", "maisons", F, Landmark},
      {"door", "doors", "porte", "portes", F, Landmark},
      {"window", "windows", "fenêtre", "fenêtres", F, Landmark},
      {"bed", "beds", "lit", "lits", M, Landmark},
      {"bridge", "bridges", "pont", "ponts", M, Landmark},
      {"boat", "boats", "bateau", "bateaux", M, Landmark},
      // Places.
      {"garden", "gardens", "jardin", "jardins", M, Place},
      {"kitchen", "kitchens", "cuisine", "cuisines", F, Place},
      {"park", "parks", "parc", "parcs", M, Place},
      {"street", "streets", "rue", "rues", F, Place},
      {"forest", "forests", "forêt", "forêts", F, Place},
      {"city", "cities", "ville", "villes", F, Place},
      {"school", "schools", "école", "écoles", F, Place},
      {"village", "villages", "village", "villages", M, Place},
  };
  return k;
}

const std::vector<Adjective>& adjectives() {
  static const std::vector<Adjective> k{
      // Before the noun in French (beauty, age, goodness, size).
      {"small", {"petit", "petite", "petits", "petites"}, true, Physical | Place},
      {"big", {"grand", "grande", "grands", "grandes"}, true, Physical | Place},
      {"good", {"bon", "bonne", "bons", "bonnes"}, true, Living | Food | Drink | Object},
      {"bad", {"mauvais", "mauvaise", "mauvais", "mauvaises"}, true, Food | Drink | Object},
      {"young", {"jeune", "jeune", "jeunes", "jeunes"}, true, Living},
      {"pretty", {"joli", "jolie", "jolis", "jolies"}, true, Physical | Place},
      {"beautiful", {"beau", "belle", "beaux", "belles"}, true, Physical | Place, "bel"},
      {"old", {"vieux", "vieille", "vieux", "vieilles"}, true, Physical | Place, "vieil", true},
      {"new", {"nouveau", "nouvelle", "nouveaux", "nouvelles"}, true, kThing | Place, "nouvel"},
      // After the noun.
      {"black", {"noir", "noire", "noirs", "noires"}, false, kColour},
      {"white", {"blanc", "blanche", "blancs", "blanches"}, false, kColour},
      {"red", {"rouge", "rouge", "rouges", "rouges"}, false, kColour},
      {"green", {"vert", "verte", "verts", "vertes"}, false, kColour},
      {"blue", {"bleu", "bleue", "bleus", "bleues"}, false, kColour},
      {"grey", {"gris", "grise", "gris", "grises"}, false, kColour},
      {"yellow", {"jaune", "jaune", "jaunes", "jaunes"}, false, kColour},
      {"happy", {"heureux", "heureuse", "heureux", "heureuses"}, false, Living},
      {"tired", {"fatigué", "fatiguée", "fatigués", "fatiguées"}, false, Living},
      {"sad", {"triste", "triste", "tristes", "tristes"}, false, Living},
      {"noisy", {"bruyant", "bruyante", "bruyants", "bruyantes"}, false, Living | Place},
      {"quiet", {"calme", "calme", "calmes", "calmes"}, false, Living | Place},
      {"heavy", {"lourd", "lourde", "lourds", "lourdes"}, false, kThing | Animal},
      {"broken", {"cassé", "cassée", "cassés", "cassées"}, false, kThing},
      {"clean", {"propre", "propre", "propres", "propres"}, false, kThing | Place},
      {"hot", {"chaud", "chaude", "chauds", "chaudes"}, false, Food | Drink},
      {"cold", {"froid", "froide", "froids", "froides"}, false, Food | Drink | Place},
      {"delicious", {"délicieux", "délicieuse", "délicieux", "délicieuses"}, false, Food | Drink},
  };
  return k;
}

const std::vector<Determiner>& determiners() {
  static const std::vector<Determiner> k{
      {"the", "the", "le", "la", "les", "l'", "l'"},
      {"a", "some", "un", "une", "des", "un", "une", true},
      {"this", "these", "ce", "cette", "ces", "cet", "cette"},
      {"my", "my", "mon", "ma", "mes", "mon", "mon"},
      {"your", "your", "votre", "votre", "vos", "votre", "votre"},
      // French possessives agree with the thing owned, not the owner: his car = sa voiture.
      {"his", "his", "son", "sa", "ses", "son", "son"},
      {"her", "her", "son", "sa", "ses", "son", "son"},
      {"our", "our", "notre", "notre", "nos", "notre", "notre"},
      {"their", "their", "leur", "leur", "leurs", "leur", "leur"},
  };
  return k;
}

const std::vector<Pronoun>& pronouns() {
  // "you" is always the polite/plural vous and "they" always ils: one English word, one French
  // word, so the target stays a function of the source.
  static const std::vector<Pronoun> k{
      {"I", "je", 0, M, false, false},   {"you", "vous", 3, M, true, false},
      {"he", "il", 1, M, false, true},   {"she", "elle", 1, F, false, true},
      {"we", "nous", 2, M, true, false}, {"they", "ils", 4, M, true, true},
  };
  return k;
}

const std::vector<Verb>& verbs() {
  constexpr unsigned kSeen = Physical | Drink;
  static const std::vector<Verb> k{
      {"see", "sees", "saw", {"vois", "voit", "voyons", "voyez", "voient"}, "vu", "verr", kSeen},
      {"eat",
       "eats",
       "ate",
       {"mange", "mange", "mangeons", "mangez", "mangent"},
       "mangé",
       "manger",
       Food},
      {"drink",
       "drinks",
       "drank",
       {"bois", "boit", "buvons", "buvez", "boivent"},
       "bu",
       "boir",
       Drink},
      {"like",
       "likes",
       "liked",
       {"aime", "aime", "aimons", "aimez", "aiment"},
       "aimé",
       "aimer",
       kSeen},
      {"find",
       "finds",
       "found",
       {"trouve", "trouve", "trouvons", "trouvez", "trouvent"},
       "trouvé",
       "trouver",
       Living | Object},
      {"take",
       "takes",
       "took",
       {"prends", "prend", "prenons", "prenez", "prennent"},
       "pris",
       "prendr",
       Object | Food | Drink},
      {"want",
       "wants",
       "wanted",
       {"veux", "veut", "voulons", "voulez", "veulent"},
       "voulu",
       "voudr",
       Animal | Object | Food | Drink | Landmark},
      {"carry",
       "carries",
       "carried",
       {"porte", "porte", "portons", "portez", "portent"},
       "porté",
       "porter",
       Object | Food | Animal},
      {"watch",
       "watches",
       "watched",
       {"regarde", "regarde", "regardons", "regardez", "regardent"},
       "regardé",
       "regarder",
       Living | Landmark | Object},
      {"wash",
       "washes",
       "washed",
       {"lave", "lave", "lavons", "lavez", "lavent"},
       "lavé",
       "laver",
       Animal | kThing},
      {"have",
       "has",
       "had",
       {"ai", "a", "avons", "avez", "ont"},
       "eu",
       "aur",
       Animal | Object | Landmark},
      {"open",
       "opens",
       "opened",
       {"ouvre", "ouvre", "ouvrons", "ouvrez", "ouvrent"},
       "ouvert",
       "ouvrir",
       Object | Landmark},
      {"buy",
       "buys",
       "bought",
       {"achète", "achète", "achetons", "achetez", "achètent"},
       "acheté",
       "achèter",
       Object | Food | Drink | Landmark | Animal},
      {"draw",
       "draws",
       "drew",
       {"dessine", "dessine", "dessinons", "dessinez", "dessinent"},
       "dessiné",
       "dessiner",
       Physical},
      {"push",
       "pushes",
       "pushed",
       {"pousse", "pousse", "poussons", "poussez", "poussent"},
       "poussé",
       "pousser",
       kThing},
      {"follow",
       "follows",
       "followed",
       {"suis", "suit", "suivons", "suivez", "suivent"},
       "suivi",
       "suivr",
       Living},
      {"hear",
       "hears",
       "heard",
       {"entends", "entend", "entendons", "entendez", "entendent"},
       "entendu",
       "entendr",
       Living},
      {"meet",
       "meets",
       "met",
       {"rencontre", "rencontre", "rencontrons", "rencontrez", "rencontrent"},
       "rencontré",
       "rencontrer",
       Person},
      {"call",
       "calls",
       "called",
       {"appelle", "appelle", "appelons", "appelez", "appellent"},
       "appelé",
       "appeller",
       Living},
      {"help",
       "helps",
       "helped",
       {"aide", "aide", "aidons", "aidez", "aident"},
       "aidé",
       "aider",
       Living},
      {"sell",
       "sells",
       "sold",
       {"vends", "vend", "vendons", "vendez", "vendent"},
       "vendu",
       "vendr",
       Object | Food | Drink | Landmark | Animal},
      {"paint",
       "paints",
       "painted",
       {"peins", "peint", "peignons", "peignez", "peignent"},
       "peint",
       "peindr",
       kThing},
      {"prepare",
       "prepares",
       "prepared",
       {"prépare", "prépare", "préparons", "préparez", "préparent"},
       "préparé",
       "préparer",
       Food | Drink},
  };
  return k;
}

const std::vector<Preposition>& prepositions() {
  static const std::vector<Preposition> k{
      {"in", "dans", Place},
      {"on", "sur", Landmark},
      {"under", "sous", Landmark},
      {"behind", "derrière", Landmark | Living},
      {"in front of", "devant", Landmark | Living},  // three words to one
      {"with", "avec", Living | Object},
  };
  return k;
}

const std::vector<Adverb>& adverbs() {
  constexpr unsigned P = 1u << static_cast<int>(Tense::Present),
                     S = 1u << static_cast<int>(Tense::Past),
                     U = 1u << static_cast<int>(Tense::Future);
  static const std::vector<Adverb> k{
      {"today", "aujourd'hui", P | S | U},
      {"yesterday", "hier", S},
      {"tomorrow", "demain", U},
      {"now", "maintenant", P},
      {"every day", "tous les jours", P},
      {"last night", "hier soir", S},
      {"next week", "la semaine prochaine", U},
  };
  return k;
}

const std::array<std::string, 5>& etrePresent() {
  static const std::array<std::string, 5> k{"suis", "est", "sommes", "êtes", "sont"};
  return k;
}
const std::array<std::string, 5>& etreImperfect() {
  static const std::array<std::string, 5> k{"étais", "était", "étions", "étiez", "étaient"};
  return k;
}
const std::array<std::string, 5>& etreFuture() {
  static const std::array<std::string, 5> k{"serai", "sera", "serons", "serez", "seront"};
  return k;
}
const std::array<std::string, 5>& avoirPresent() {
  static const std::array<std::string, 5> k{"ai", "a", "avons", "avez", "ont"};
  return k;
}
const std::array<std::string, 5>& futureEndings() {
  static const std::array<std::string, 5> k{"ai", "a", "ons", "ez", "ont"};
  return k;
}

}  // namespace attn::data::toyfr
