// attention-cli experiment: teaching experiments run from the command line. Its one experiment
// so far, `bottleneck`, trains a model with and one without attention and scores both by
// source length (core/experiment/bottleneck.h).
#pragma once

#include "cli/command.h"

namespace attn::app {

Command addExperimentCommand(CLI::App& cli);

}  // namespace attn::app
