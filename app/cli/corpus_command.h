// attention-cli corpus: building a corpus to train on. Its one source so far, `gettext`, makes
// English -> L pairs from the translation catalogs installed with the system's programs
// (core/data/gettext_corpus.h), so every machine has a real corpus in its user's language.
#pragma once

#include "cli/command.h"

namespace attn::app {

Command addCorpusCommand(CLI::App& cli);

}  // namespace attn::app
