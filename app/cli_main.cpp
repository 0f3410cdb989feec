// attention-cli: everything the app does that is not looking at pictures, for scripts and servers.
#include <iostream>

#include "cli/cli_app.h"

int main(int argc, char** argv) {
  return attn::app::runCli(argc, argv, std::cout, std::cerr);
}
