#include "cli/parse_errors.h"

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/run_guard.h"

namespace attn::app {

namespace {

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

// The text between `before` and `after` in `text` (after may be empty: to the end), or "".
std::string between(const std::string& text, const std::string& before, const std::string& after) {
  const size_t start = text.find(before);
  if (start == std::string::npos) return "";
  const size_t from = start + before.size();
  const size_t end = after.empty() ? text.size() : text.find(after, from);
  return end == std::string::npos ? "" : text.substr(from, end - from);
}

// "attention-cli train": the command as typed, for "train needs --out".
std::string commandName(const CLI::App& command) {
  std::string name = command.get_name();
  for (const CLI::App* parent = command.get_parent(); parent; parent = parent->get_parent())
    if (parent->get_parent()) name = parent->get_name() + " " + name;
  return name.empty() || !command.get_parent() ? kProgram : name;
}

std::string required(const std::string& message, const CLI::App& command) {
  if (message == "A subcommand is required") {
    std::vector<std::string> names;
    for (const CLI::App* sub : command.get_subcommands({})) names.push_back(sub->get_name());
    return (command.get_parent() ? commandName(command) + " needs a subcommand"
                                 : "give a subcommand") +
           ": " + listOf(names);
  }
  const std::string option = between(message, "", " is required");
  if (!option.empty() && startsWith(option, "-"))
    return commandName(command) + " needs " + option + ": add it to the command line";
  return message;
}

std::string mismatch(const std::string& message) {
  const std::string option = between(message, "", ": ");
  if (message.find(": At Most ") != std::string::npos) {
    const std::string times = between(message, "received ", "");
    return option + " was given " + times + " times: give it once";
  }
  if (message.find(": At least ") != std::string::npos ||
      message.find(" missing") != std::string::npos)
    return option + " needs a value: write it after the option (" + option + " VALUE)";
  if (startsWith(message, "Expected ")) {
    const std::string name = between(message, " arguments to ", ", got");
    if (!name.empty())
      return name + " needs a value: write it after the option (" + name + " VALUE)";
  }
  if (message.find(" was given a disallowed flag override") != std::string::npos)
    return between(message, "", " was given") + " is a flag and takes no value: write it alone";
  return message;
}

std::string conversion(const std::string& message) {
  if (startsWith(message, "The value ")) {
    const std::string value = between(message, "The value ", " is not an allowed value for ");
    const std::string option = between(message, " is not an allowed value for ", "");
    return option + ": '" + value + "' is not an allowed value (see the option's --help line)";
  }
  if (startsWith(message, "Could not convert: ")) {
    const std::string option = between(message, "Could not convert: ", " = ");
    const std::string value = between(message, " = ", "");
    return option + ": cannot read '" + value + "' as its value";
  }
  if (message.find(": too many inputs for a flag") != std::string::npos ||
      message.find(": Should be true/false or a number") != std::string::npos)
    return between(message, "", ": ") + " is a flag and takes no value: write it alone";
  return message;
}

}  // namespace

std::string describeParseError(const CLI::ParseError& error, const CLI::App& command,
                               const std::vector<std::string>& unrecognised) {
  if (!unrecognised.empty()) {
    const std::string& first = unrecognised.front();
    return (startsWith(first, "-") ? "unknown option '" : "unknown subcommand '") + first + "'";
  }
  const std::string message = oneLine(error.what());
  if (dynamic_cast<const CLI::RequiredError*>(&error)) return required(message, command);
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) return mismatch(message);
  if (dynamic_cast<const CLI::ConversionError*>(&error)) return conversion(message);
  if (dynamic_cast<const CLI::RequiresError*>(&error)) {
    const std::string option = between(message, "", " requires ");
    const std::string needed = between(message, " requires ", "");
    return option + " only applies with " + needed + ": add " + needed + ", or leave " + option +
           " out";
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
    const std::string option = between(message, "", " excludes ");
    const std::string other = between(message, " excludes ", "");
    return option + " and " + other + " cannot be used together: keep one of them";
  }
  if (dynamic_cast<const CLI::ValidationError*>(&error)) {
    // Our validators (checks.h) say "must be ..." or "needs a value ..." after CLI11's "--steps: ".
    const size_t colon = message.find(": ");
    const std::string said = colon == std::string::npos ? "" : message.substr(colon + 2);
    if (startsWith(said, "must ") || startsWith(said, "needs a value"))
      return message.substr(0, colon) + " " + message.substr(colon + 2);
    return message;
  }
  return message;
}

}  // namespace attn::app
