// attention-cli export: a trace file's attention maps as CSV matrices, or the trace re-written
// as checked JSON. --map, --layer and --head narrow what is exported.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>
#include <set>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/command.h"
#include "cli/staged_files.h"
#include "exit_codes.h"
#include "trace/trace_json.h"
#include "util/atomic_file.h"
#include "util/check.h"

namespace attn::app {

namespace fs = std::filesystem;

namespace {

struct ExportOptions {
  std::string trace, csv, json, map;
  int layer = 0, head = 0;
  CLI::Option *layerOption = nullptr, *headOption = nullptr;
};

void addOptions(CLI::App& cmd, ExportOptions& o) {
  cmd.add_option("--trace", o.trace, "The trace file (.json, docs/file-formats.md, Trace file)")
      ->required();
  auto* csv = cmd.add_option("--csv", o.csv,
                             "Write CSV: OUT ending in .csv is one file and the selection must "
                             "be one matrix; any other OUT is a folder of MAP_layerL_headH.csv "
                             "files, one per map, layer and head");
  auto* json = cmd.add_option("--json", o.json, "Write the trace, checked, as JSON");
  csv->excludes(json);
  cmd.add_option("--map", o.map, "Only this map (" + mapKindNames() + ")");
  o.layerOption = cmd.add_option("--layer", o.layer, "Only this layer (from 0)")
                      ->check(wholeNumber(0, 1 << 20));
  o.headOption =
      cmd.add_option("--head", o.head, "Only this head (from 0)")->check(wholeNumber(0, 1 << 20));
}

struct Pick {
  MapKind map;
  int layer, head;
};

// Every (map, layer, head) the flags select, in map-name order. Flags that select nothing in this
// trace are a mistake on the command line (UsageError): nothing has been written yet.
std::vector<Pick> select(const Trace& t, const ExportOptions& o) {
  std::string names;
  for (const auto& [kind, m] : t.attention)
    names += (names.empty() ? "" : ", ") + mapKindName(kind);
  const std::optional<MapKind> only = o.map.empty() ? std::nullopt : parseMapKind(o.map);
  if (!o.map.empty() && (!only || !t.attention.count(*only)))
    throw UsageError(o.trace + ": no attention map named '" + o.map + "' (the trace has: " + names +
                     ")");
  std::vector<Pick> picks;
  for (const auto& [kind, m] : t.attention) {
    if (only && kind != *only) continue;
    const std::string name = mapKindName(kind);
    const bool layerGiven = o.layerOption->count() > 0, headGiven = o.headOption->count() > 0;
    if ((layerGiven && o.layer >= m.layers) || (headGiven && o.head >= m.heads)) {
      if (o.map.empty()) continue;  // another map may have it
      throw UsageError(o.trace + ": map '" + name + "' has " + std::to_string(m.layers) +
                       " layer(s) and " + std::to_string(m.heads) + " head(s), counted from 0");
    }
    for (int l = 0; l < m.layers; ++l)
      for (int h = 0; h < m.heads; ++h)
        if ((!layerGiven || l == o.layer) && (!headGiven || h == o.head))
          picks.push_back({kind, l, h});
  }
  if (picks.empty())
    throw UsageError(o.trace + ": nothing matches the selection (maps: " + names + ")");
  return picks;
}

std::string fileName(const Pick& p) {
  return mapKindName(p.map) + "_layer" + std::to_string(p.layer) + "_head" +
         std::to_string(p.head) + ".csv";
}

Trace narrowed(const Trace& t, const std::vector<Pick>& picks) {
  Trace out = t;
  out.attention.clear();
  for (const auto& [kind, m] : t.attention) {
    std::vector<Pick> mine;
    for (const Pick& p : picks)
      if (p.map == kind) mine.push_back(p);
    if (mine.empty()) continue;
    if (static_cast<int>(mine.size()) == m.layers * m.heads) {
      out.attention[kind] = m;
      continue;
    }
    // One layer or one head of it: the selected slices, keeping [layer][head] order.
    std::vector<int> layers, heads;
    for (const Pick& p : mine) {
      if (std::find(layers.begin(), layers.end(), p.layer) == layers.end())
        layers.push_back(p.layer);
      if (std::find(heads.begin(), heads.end(), p.head) == heads.end()) heads.push_back(p.head);
    }
    AttentionMap slice(static_cast<int>(layers.size()), static_cast<int>(heads.size()), m.queries,
                       m.keys);
    for (size_t l = 0; l < layers.size(); ++l)
      for (size_t h = 0; h < heads.size(); ++h)
        for (int q = 0; q < m.queries; ++q)
          for (int k = 0; k < m.keys; ++k)
            slice.at(static_cast<int>(l), static_cast<int>(h), q, k) =
                m.at(layers[l], heads[h], q, k);
    out.attention[kind] = std::move(slice);
  }
  return out;
}

int runExport(const ExportOptions& o, std::ostream& out) {
  if (o.csv.empty() && o.json.empty()) throw UsageError("export needs --csv OUT or --json OUT");
  const Trace trace = readTraceFile(o.trace);
  const std::vector<Pick> picks = select(trace, o);
  if (!o.json.empty()) {
    writeTraceFile(o.json, narrowed(trace, picks));
    out << o.json << '\n';
    return kExitOk;
  }
  if (fs::path(o.csv).extension() == ".csv") {
    if (picks.size() != 1)
      throw UsageError(o.csv + ": one CSV file holds one matrix, and the selection holds " +
                       std::to_string(picks.size()) +
                       "; pick one with --map, --layer and --head, or give a folder");
    writeFileAtomically(o.csv, attentionCsv(trace, picks[0].map, picks[0].layer, picks[0].head));
    out << o.csv << '\n';
    return kExitOk;
  }
  std::vector<StagedFile> files;
  std::set<std::string> names;
  for (const Pick& p : picks) {
    files.push_back({fileName(p), attentionCsv(trace, p.map, p.layer, p.head)});
    if (!names.insert(files.back().name).second)
      throw Error(o.trace + ": two maps would both be written to " + files.back().name);
  }
  for (const std::string& path : writeFilesIntoFolder(o.csv, files)) out << path << '\n';
  return kExitOk;
}

}  // namespace

Command addExportCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand("export", "Write a trace's attention maps as CSV or JSON");
  auto options = std::make_shared<ExportOptions>();
  addOptions(*cmd, *options);
  cmd->footer(
      "A CSV matrix has a header row of key tokens, then one row per query token (RFC 4180 "
      "quoting). The paths written are printed on stdout. Nothing is written when anything "
      "fails.");
  return {cmd, [options](std::ostream& out, std::ostream&) { return runExport(*options, out); }};
}

}  // namespace attn::app
