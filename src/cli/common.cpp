#include "common.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/core/overloaded.hpp"
#include "tandem/data/table_writers.hpp"
#include "tandem/data/tandem_format.hpp"

#include <unistd.h>

namespace tandem::cli {

void add_output_options(CLI::App& app, OutputOptions& options) {
    app.add_option("-f,--format", options.format, "table, csv, json or xlsx")
        ->check(CLI::IsMember({"table", "csv", "json", "xlsx"}));
    app.add_option(
        "-o,--output",
        options.output,
        "write to this file (or folder, for several CSV tables) instead of the terminal");
    app.add_flag("-q,--quiet", options.quiet, "no progress messages");
    app.add_option("--numbers",
                   options.numbers,
                   "CSV numbers: full (17 significant digits, for programs) or readable (as "
                   "the terminal shows them, docs/formats.md)")
        ->check(CLI::IsMember({"full", "readable"}));
}

void add_settings(CLI::App& cmd, const Settings& settings) {
    for (const Setting& s : settings) {
        CLI::Option* option =
            std::visit(Overloaded{
                           [&](bool* p) { return cmd.add_flag(s.names, *p, s.help); },
                           [&](const Setting::Parse& parse) {
                               return cmd.add_option_function<std::string>(s.names, parse, s.help);
                           },
                           [&](const Setting::ParseEach& parse) {
                               return cmd.add_option_function<std::vector<std::string>>(
                                   s.names, parse, s.help);
                           },
                           [&](auto* p) { return cmd.add_option(s.names, *p, s.help); },
                       },
                       s.target);
        if (s.required) {
            option->required();
        }
        if (!s.choices.empty()) {
            option->type_name(fmt::format("TEXT:{{{}}}", fmt::join(s.choices, ",")));
        }
        if (!std::holds_alternative<bool*>(s.target)) {
            option->check(CLI::Validator(
                [s](const std::string& text) {
                    // CLI11 names the option itself.
                    std::string why = check_value(s, text);
                    return why.empty() ? why : why.substr(setting_name(s).size() + 2);
                },
                ""));
        }
    }
}

CLI::App* add_command(CLI::App& parent,
                      const std::string& name,
                      const std::string& help,
                      const Settings& settings,
                      OutputOptions* out) {
    auto* cmd = parent.add_subcommand(name, help);
    add_settings(*cmd, settings);
    if (out != nullptr) {
        add_output_options(*cmd, *out);
    }
    return cmd;
}

void print_notes(const std::vector<std::string>& notes, bool quiet, bool chinese) {
    for (const auto& note : quiet ? std::vector<std::string>() : notes) {
        std::cerr << (chinese ? "注：" : "note: ") << note << '\n';
    }
}

void refuse_input_overlap(const std::string& output, const std::vector<std::string>& inputs) {
    if (output.empty() || output == "-") {
        return;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(fs::absolute(output, ec), ec);
    for (const auto& input : inputs) {
        if (input.empty() || input.starts_with("china:") || !fs::exists(input, ec)) {
            continue;
        }
        const fs::path in = fs::weakly_canonical(fs::absolute(input, ec), ec);
        auto [in_end, out_it] = std::mismatch(in.begin(), in.end(), out.begin(), out.end());
        const bool same_or_inside =
            in_end == in.end() || (std::next(in_end) == in.end() && in_end->empty());
        if (same_or_inside) {
            fail(ErrorCode::kIo,
                 "{}: is the input {} or inside it; refusing to write there",
                 output,
                 input);
        }
    }
}

void emit(const std::vector<Table>& tables, const OutputOptions& options) {
    refuse_input_overlap(options.output, options.inputs);
    auto format = data::parse_format(options.format);
    if (!options.output.empty() && options.format == "table") {
        format = data::format_for_path(options.output, data::Format::kTable);
    }
    data::WriteOptions write;
    write.readable_csv = options.numbers == "readable";
    data::write_tables(tables, format, options.output, std::cout, write);
    if (!options.output.empty() && !options.quiet) {
        std::cerr << "wrote " << options.output << '\n';
    }
}

ProgressFn terminal_progress(bool quiet) {
    if (quiet || isatty(STDERR_FILENO) == 0) {
        return {};
    }
    return [](std::string_view stage, std::size_t done, std::size_t total) {
        if (total > 0) {
            std::fprintf(stderr,
                         "\r%-28.*s %3zu%%",
                         static_cast<int>(stage.size()),
                         stage.data(),
                         done * 100 / total);
            if (done == total) {
                std::fputc('\n', stderr);
            }
        } else {
            std::fprintf(stderr, "\r%.*s ...", static_cast<int>(stage.size()), stage.data());
        }
        std::fflush(stderr);
    };
}

Mrio load_model(const std::string& folder, const ProgressFn& progress) {
    return china::load_mrio_spec(folder, progress);
}

}  // namespace tandem::cli
