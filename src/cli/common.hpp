// What every tandem command shares: output options, progress on a terminal, error reporting.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "tandem/core/error.hpp"
#include "tandem/core/labels.hpp"
#include "tandem/core/mrio.hpp"
#include "tandem/core/progress.hpp"
#include "tandem/core/settings.hpp"

namespace tandem::cli {

struct OutputOptions {
    std::string format = "table";  // table | csv | json | xlsx
    std::string output;            // -o: file or folder; empty = standard output
    bool quiet = false;
    std::string numbers = "full";  // CSV numbers: full | readable
    // Paths read by the command (folders or files): -o may not be one of them or inside one.
    std::vector<std::string> inputs;
};

// Refuses (exit 4) an output path that is an input, or inside an input folder.
void refuse_input_overlap(const std::string& output, const std::vector<std::string>& inputs);

// Adds --format/-f, -o/--output and --quiet to a command.
void add_output_options(CLI::App& app, OutputOptions& options);

// Writes tables where the options say (the format follows -o's extension unless --format says).
void emit(const std::vector<Table>& tables, const OutputOptions& options);

// The MRIO a command works on: a folder (pymrio or tandem), china:2017 / china:2012, or the
// shipped 2017 China MRIO when empty.
Mrio load_model(const std::string& folder, const ProgressFn& progress);

// Progress on stderr when it is a terminal, nothing in pipes or with --quiet.
ProgressFn terminal_progress(bool quiet);

// Registers a library's settings as the command's options, their choices and ranges checked
// as the library checks them.
void add_settings(CLI::App& cmd, const Settings& settings);

// A subcommand of parent offering settings (and, with out, the output options).
CLI::App* add_command(CLI::App& parent,
                      const std::string& name,
                      const std::string& help,
                      const Settings& settings,
                      OutputOptions* out = nullptr);

// Notes on stderr ("note: ..." or "注：..."), unless quiet.
void print_notes(const std::vector<std::string>& notes, bool quiet, bool chinese = false);

// Registers the command groups.
void add_profile_command(CLI::App& app);
void add_mrio_commands(CLI::App& app);
void add_china_commands(CLI::App& app);
void add_geo_commands(CLI::App& app);
void add_brief_command(CLI::App& app);
void add_schedule_command(CLI::App& app);
void add_match_commands(CLI::App& app);
void add_serve_commands(CLI::App& app);

}  // namespace tandem::cli
