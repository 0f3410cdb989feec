#include "cli/manual_pages.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "util/check.h"

namespace attn::app {
namespace {

// Text for roff: backslashes written as \e, and no line may start with a control character.
std::string roffText(const std::string& text) {
  std::string out;
  bool lineStart = true;
  for (char c : text) {
    if (lineStart && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else
      out += c;
    lineStart = c == '\n';
  }
  return out;
}

// An option's name as typed: dashes are \- so that man prints them as ASCII minus signs.
std::string roffFlag(const std::string& name) {
  std::string out;
  for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

// A description as a sentence: with a final full stop, not two.
std::string sentence(const std::string& text) {
  if (text.empty() || text.back() == '.' || text.back() == '!' || text.back() == '?') return text;
  return text + ".";
}

// A description as a manual page's NAME line: no final full stop.
std::string summary(std::string text) {
  while (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "attention-cli corpus gettext" for the command at the end of `path`.
std::string commandLine(const std::vector<const CLI::App*>& path) {
  std::string line;
  for (const CLI::App* app : path) line += (line.empty() ? "" : " ") + app->get_name();
  return line;
}

std::string pageName(const std::vector<const CLI::App*>& path) {
  std::string name = commandLine(path);
  for (char& c : name)
    if (c == ' ') c = '-';
  return name;
}

// The options --help shows (a group named "" is hidden), positional ones apart.
std::vector<const CLI::Option*> shownOptions(const CLI::App& app, bool positional) {
  std::vector<const CLI::Option*> shown;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;
    if (option->nonpositional() != !positional) continue;
    shown.push_back(option);
  }
  return shown;
}

std::vector<const CLI::App*> subcommandsOf(const CLI::App& app) {
  std::vector<const CLI::App*> subs;
  for (const CLI::App* sub : const_cast<CLI::App&>(app).get_subcommands({}))
    if (!sub->get_name().empty()) subs.push_back(sub);
  return subs;
}

// The value an option takes, as --help names it ("TEXT", "INT:{a,b}"), or empty for a flag.
std::string valueName(const CLI::Option& option) {
  return option.get_expected_max() == 0 ? std::string() : option.get_type_name();
}

void writeOption(std::ostream& out, const CLI::Option& option) {
  out << ".TP\n";
  std::string names;
  for (const std::string& s : option.get_snames()) names += (names.empty() ? "" : ", ") + ("-" + s);
  for (const std::string& l : option.get_lnames())
    names += (names.empty() ? "" : ", ") + ("--" + l);
  out << "\\fB" << roffFlag(names) << "\\fR";
  if (const std::string value = valueName(option); !value.empty())
    out << " \\fI" << roffText(value) << "\\fR";
  out << '\n' << roffText(option.get_description());
  if (!option.get_default_str().empty())
    out << " (default: " << roffText(option.get_default_str()) << ")";
  if (option.get_required()) out << " (required)";
  // What --help shows as "Needs:" and "Excludes:", sorted by name: the sets are ordered by
  // address, which need not be the same from one run to the next.
  auto flagList = [](const std::set<CLI::Option*>& options) {
    std::set<std::string> sorted;
    for (const CLI::Option* o : options) sorted.insert(roffFlag(o->get_name()));
    std::string list;
    for (const std::string& name : sorted) list += " " + name;
    return list;
  };
  if (!option.get_needs().empty()) out << " Needs" << flagList(option.get_needs()) << ".";
  if (!option.get_excludes().empty())
    out << " Cannot be used with" << flagList(option.get_excludes()) << ".";
  out << '\n';
}

void writePage(std::ostream& out, const std::vector<const CLI::App*>& path,
               const std::string& version, const std::string& date) {
  const CLI::App& app = *path.back();
  const std::string name = pageName(path);
  const std::vector<const CLI::App*> subs = subcommandsOf(app);
  out << ".\\\" Written by attention-cli " << kWriteManualPages
      << " from the tables behind --help; do not edit.\n"
      << ".TH " << upper(name) << " 1 \"" << date << "\" \"attention-cli " << version
      << "\" \"Attention Studio\"\n"
      << ".SH NAME\n"
      << name << " \\- " << roffText(summary(app.get_description())) << "\n"
      << ".SH SYNOPSIS\n"
      << ".B " << commandLine(path) << "\n";
  if (!subs.empty()) out << "\\fICOMMAND\\fR ";
  out << "[\\fIOPTIONS\\fR]";
  for (const CLI::Option* p : shownOptions(app, true))
    out << (p->get_required() ? " \\fI" : " [\\fI") << roffText(p->get_name(true))
        << (p->get_required() ? "\\fR" : "\\fR]") << (p->get_expected_max() > 1 ? "..." : "");
  out << "\n.SH DESCRIPTION\n" << roffText(sentence(app.get_description())) << "\n";
  if (!app.get_footer().empty()) out << ".PP\n" << roffText(app.get_footer()) << "\n";

  if (!subs.empty()) {
    out << ".SH COMMANDS\n";
    for (const CLI::App* sub : subs) {
      std::vector<const CLI::App*> subPath = path;
      subPath.push_back(sub);
      out << ".TP\n.B " << sub->get_name() << "\n"
          << roffText(summary(sub->get_description())) << "; see \\fB" << pageName(subPath)
          << "\\fR(1).\n";
    }
  }
  const std::vector<const CLI::Option*> positional = shownOptions(app, true);
  if (!positional.empty()) {
    out << ".SH ARGUMENTS\n";
    for (const CLI::Option* p : positional) {
      out << ".TP\n.I " << roffText(p->get_name(true)) << "\n"
          << roffText(p->get_description()) << "\n";
    }
  }
  // Option groups in the order --help shows them ("Options" first, then "Model", "Data", ...).
  std::vector<std::string> groups;
  std::map<std::string, std::vector<const CLI::Option*>> byGroup;
  for (const CLI::Option* option : shownOptions(app, false)) {
    if (!byGroup.count(option->get_group())) groups.push_back(option->get_group());
    byGroup[option->get_group()].push_back(option);
  }
  out << ".SH OPTIONS\n";
  for (const std::string& group : groups) {
    if (group != "Options") out << ".SS " << roffText(group) << "\n";
    for (const CLI::Option* option : byGroup[group]) writeOption(out, *option);
  }
  out << ".SH EXIT STATUS\n"
      << "0 when the job is done, 1 when it failed (a bad file, a diverged run, Ctrl-C), 2 for a "
         "mistake on the command line; each failure is one line on standard error.\n"
      << ".SH SEE ALSO\n";
  std::vector<std::string> see;
  if (path.size() > 1) see.push_back(pageName({path.begin(), path.end() - 1}));
  for (const CLI::App* sub : subs) {
    std::vector<const CLI::App*> subPath = path;
    subPath.push_back(sub);
    see.push_back(pageName(subPath));
  }
  see.push_back("attention-studio");
  for (size_t i = 0; i < see.size(); ++i)
    out << "\\fB" << see[i] << "\\fR(1)" << (i + 1 < see.size() ? ",\n" : "\n");
}

void collectCommands(const std::vector<const CLI::App*>& path,
                     std::vector<std::vector<const CLI::App*>>& all) {
  all.push_back(path);
  for (const CLI::App* sub : subcommandsOf(*path.back())) {
    std::vector<const CLI::App*> subPath = path;
    subPath.push_back(sub);
    collectCommands(subPath, all);
  }
}

// The fixed choices of an option whose type reads "TEXT:{a,b,c}" (checks.h's oneOf).
std::vector<std::string> choicesOf(const CLI::Option& option) {
  const std::string type = option.get_type_name();
  const auto open = type.find(":{");
  const auto close = type.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return {};
  std::vector<std::string> choices;
  std::stringstream list(type.substr(open + 2, close - open - 2));
  for (std::string choice; std::getline(list, choice, ',');) choices.push_back(choice);
  return choices;
}

}  // namespace

std::vector<std::string> writeManualPages(const CLI::App& app, const std::string& folder,
                                          const std::string& version, const std::string& date) {
  std::vector<std::vector<const CLI::App*>> commands;
  collectCommands({&app}, commands);
  std::vector<std::string> written;
  for (const auto& path : commands) {
    const std::string file = pageName(path) + ".1";
    std::ofstream out(folder + "/" + file);
    writePage(out, path, version, date);
    out.close();
    if (!out) throw Error("cannot write " + folder + "/" + file);
    written.push_back(file);
  }
  return written;
}

void writeBashCompletion(const CLI::App& app, std::ostream& out) {
  std::vector<std::vector<const CLI::App*>> commands;
  collectCommands({&app}, commands);
  out << "# bash completion for attention-cli. Written by attention-cli " << kWriteBashCompletion
      << "\n# from the tables behind --help; do not edit.\n"
      << "_attention_cli() {\n"
      << "  local cur prev words cword\n"
      << "  _init_completion || return\n"
      << "  # The command path typed so far: the words before the cursor that name subcommands.\n"
      << "  local path=\"\" w\n"
      << "  for w in \"${words[@]:1:cword-1}\"; do\n"
      << "    case \"$path $w\" in\n";
  for (const auto& path : commands)
    for (const CLI::App* sub : subcommandsOf(*path.back())) {
      std::string parent;
      for (size_t i = 1; i < path.size(); ++i) parent += " " + path[i]->get_name();
      out << "      \"" << parent << " " << sub->get_name() << "\") path=\"" << parent << " "
          << sub->get_name() << "\" ;;\n";
    }
  out << "    esac\n"
      << "  done\n"
      << "  local options=\"\" subcommands=\"\"\n"
      << "  case \"$path\" in\n";
  for (const auto& path : commands) {
    std::string key;
    for (size_t i = 1; i < path.size(); ++i) key += " " + path[i]->get_name();
    std::string options;
    std::map<std::string, std::vector<std::string>> choices;
    for (const CLI::Option* option : shownOptions(*path.back(), false))
      for (const std::string& l : option->get_lnames()) {
        options += (options.empty() ? "--" : " --") + l;
        if (const auto c = choicesOf(*option); !c.empty()) choices["--" + l] = c;
      }
    std::string subs;
    for (const CLI::App* sub : subcommandsOf(*path.back()))
      subs += (subs.empty() ? "" : " ") + sub->get_name();
    out << "    \"" << key << "\")\n";
    if (!choices.empty()) {
      out << "      case \"$prev\" in\n";
      for (const auto& [flag, values] : choices) {
        std::string list;
        for (const std::string& v : values) list += (list.empty() ? "" : " ") + v;
        out << "        " << flag << ") COMPREPLY=($(compgen -W \"" << list
            << "\" -- \"$cur\")); return ;;\n";
      }
      out << "      esac\n";
    }
    out << "      options=\"" << options << "\" subcommands=\"" << subs << "\" ;;\n";
  }
  out << "  esac\n"
      << "  if [[ $cur == -* ]]; then\n"
      << "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
      << "  elif [[ -n $subcommands ]]; then\n"
      << "    COMPREPLY=($(compgen -W \"$subcommands\" -- \"$cur\"))\n"
      << "  else\n"
      << "    _filedir\n"
      << "  fi\n"
      << "}\n"
      << "complete -F _attention_cli attention-cli\n";
}

}  // namespace attn::app
