// tandem brief A B: complementarity and win-win of two provinces; tandem brief A --partners.
#include <algorithm>
#include <iostream>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/brief/brief.hpp"
#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/long_panel.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/regions.hpp"
#include "tandem/data/table_writers.hpp"
#include "tandem/data/tandem_format.hpp"
#include "tandem/mrio/calc.hpp"

#include "common.hpp"

namespace tandem::cli {

namespace {

// BUYER:SELLER:SECTOR[,SECTOR...]:AMOUNT
brief::DemandChange parse_change(const std::string& text) {
    std::vector<std::string> parts;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, ':')) {
        parts.push_back(item);
    }
    if (parts.size() != 4) {
        fail(ErrorCode::kUsage,
             "--demand '{}': expected BUYER:SELLER:SECTORS:AMOUNT, e.g. "
             "Anhui:Heilongjiang:01,06:500000",
             text);
    }
    brief::DemandChange c;
    c.buyer = parts[0];
    c.seller = parts[1];
    std::istringstream sectors(parts[2]);
    while (std::getline(sectors, item, ',')) {
        c.sectors.push_back(item);
    }
    try {
        std::size_t used = 0;
        c.amount = std::stod(parts[3], &used);
        if (used != parts[3].size()) {
            throw std::invalid_argument("trailing");
        }
    } catch (const std::exception&) {
        fail(ErrorCode::kUsage, "--demand '{}': the amount '{}' is not a number", text, parts[3]);
    }
    return c;
}

}  // namespace

void add_brief_command(CLI::App& app) {
    struct Args {
        std::vector<std::string> regions;
        bool partners = false;
        std::vector<std::string> demand;
        std::string scenario;
        std::size_t top = 8;
        std::string html;
        std::string mrio;
        std::string tables;
        std::string base;
        int year = 0;  // 0: 2017 for the shipped data, none shown for another MRIO
        std::string activity;
        data::PanelColumns columns;
        std::string measure = "activity";
        std::string areas;
        OutputOptions out;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand(
        "brief",
        "Complementarity and win-win of two provinces on the shipped 2017 China MRIO: profiles,\n"
        "supply chains, trade complementarity, relatedness, the symposium's cooperation areas,\n"
        "and a cooperation scenario's output, value added, labour income and jobs in each\n"
        "region and the rest of China (intra-regional, feedback, spillover). With --partners\n"
        "and one region: every other province ranked by complementarity.");
    cmd->add_option("regions", a->regions, "two provinces (codes, English or Chinese names)")
        ->required();
    cmd->add_flag("--partners", a->partners, "rank every other province as a partner of one");
    cmd->add_option("--demand",
                    a->demand,
                    "scenario change BUYER:SELLER:SECTORS:AMOUNT (10k CNY; repeatable), e.g. "
                    "Anhui:Heilongjiang:01,06:500000; default: each buys 10% of the top-3 "
                    "potential from the other");
    cmd->add_option("--scenario",
                    a->scenario,
                    "a scenario in a TOML file (name, and [[change]] tables with buyer, seller, "
                    "sectors, amount; docs/brief.md)");
    cmd->add_option("--year",
                    a->year,
                    "the shipped China MRIO and provincial tables of 2017 (default; growth "
                    "from 2012) or 2012 (no growth); with --mrio, the year shown")
        ->check(CLI::Range(1900, 2100));
    cmd->add_option("--mrio",
                    a->mrio,
                    "another MRIO: a tandem or pymrio folder (e.g. the tandem/ folder of `tandem "
                    "china build --decay 2`, or an MRIO of other countries), or china:2012; "
                    "regions that are not China's provinces get tables derived from the MRIO");
    cmd->add_option("--tables",
                    a->tables,
                    "the regional table set the MRIO was built from (default: the shipped "
                    "provincial tables when the MRIO is of the provinces, else derived)");
    cmd->add_option("--base",
                    a->base,
                    "an earlier table set for growth and shift-share (default: shipped 2012 "
                    "for the 2017 tables; none otherwise)");
    cmd->add_option("--activity",
                    a->activity,
                    "activity data by region and sector as a long CSV (time, loc, prod, val; "
                    "e.g. employment): specialisations, complexity and relatedness from its "
                    "last year, growth and shift-share from its first to its last");
    cmd->add_option("--time", a->columns.time, "time column of --activity (default time)");
    cmd->add_option("--loc", a->columns.loc, "region column of --activity (default loc)");
    cmd->add_option("--prod", a->columns.prod, "sector column of --activity (default prod)");
    cmd->add_option("--val", a->columns.val, "value column of --activity (default val)");
    cmd->add_option(
        "--measure", a->measure, "what --activity measures, for the labels (default activity)");
    cmd->add_option("--areas",
                    a->areas,
                    "cooperation areas as a CSV concordance to the MRIO's sectors (area, sector, "
                    "optional name, name_zh); default: the symposium's ten areas on China's 42 "
                    "sectors");
    cmd->add_option("--top", a->top, "sectors listed per table (default 8)");
    cmd->add_option(
        "--html", a->html, "also write the report as one self-contained HTML page with charts");
    add_output_options(*cmd, a->out);
    cmd->callback([a] {
        a->out.inputs = {a->mrio, a->tables, a->base, a->activity, a->scenario, a->areas};
        refuse_input_overlap(a->html, a->out.inputs);
        int year = a->year == 0 ? 2017 : a->year;
        if (a->mrio.empty() && year != 2017 && year != 2012) {
            fail(ErrorCode::kInvalidInput,
                 "--year {}: the shipped China MRIOs are of 2017 and 2012 (give --mrio for "
                 "another)",
                 year);
        }
        const std::string source = a->mrio.empty() ? fmt::format("china:{}", year) : a->mrio;
        Mrio mrio = load_model(source, {});
        if (source.starts_with("china:")) {
            year = std::stoi(source.substr(6));
        } else if (mrio.x.size() == 0 && mrio.Z.size() > 0) {
            // A raw pymrio folder: gross output as pymrio's calc_x.
            mrio.x = mrio::output_from_flows(mrio);
        }
        TableSet tables;
        if (!a->tables.empty()) {
            tables = data::read_table_set(a->tables);
        } else {
            const auto regions = mrio.regions();
            const bool provinces =
                (year == 2017 || year == 2012) && regions.size() == 31 &&
                std::all_of(regions.begin(), regions.end(), [](const std::string& r) {
                    try {
                        return data::resolve_province(r).name_en == r;
                    } catch (const Error&) {
                        return false;
                    }
                });
            if (provinces) {
                tables = data::load_provincial_tables(year);
            }
            if (!provinces || !brief::mrio_matches_tables(mrio, tables)) {
                tables = brief::tables_from_mrio(mrio, a->mrio.empty() ? year : a->year);
            }
        }
        std::vector<Table> out;
        if (a->partners) {
            if (a->regions.size() != 1) {
                fail(ErrorCode::kUsage, "--partners takes one region");
            }
            out.push_back(brief::partner_ranking(mrio, tables, a->regions[0]));
            emit(out, a->out);
            return;
        }
        if (a->regions.size() != 2) {
            fail(ErrorCode::kUsage,
                 "a brief takes two regions (or one with --partners); {} given",
                 a->regions.size());
        }
        std::vector<std::string> notes;
        brief::Activity activity;
        if (!a->activity.empty()) {
            std::vector<Code> regions;
            for (const auto& t : tables.tables) {
                regions.push_back(t.region);
            }
            activity = brief::activity_from_panel(data::read_long_panel(a->activity, a->columns),
                                                  regions,
                                                  tables.sectors,
                                                  a->measure,
                                                  &notes);
        } else {
            std::optional<TableSet> base;
            if (!a->base.empty()) {
                base = data::read_table_set(a->base);
            } else if (tables.kind == "provincial" && tables.year == 2017) {
                base = data::load_provincial_tables(2012);
            }
            activity = brief::activity_from_tables(tables, base ? &*base : nullptr);
        }
        brief::BriefOptions options;
        options.top = a->top;
        if (!a->scenario.empty()) {
            options.scenario = brief::read_scenario(a->scenario);
        }
        if (!a->demand.empty()) {
            if (options.scenario.name.empty()) {
                options.scenario.name = "given";
            }
            for (const auto& d : a->demand) {
                options.scenario.changes.push_back(parse_change(d));
            }
        }
        if (!a->areas.empty()) {
            options.areas = brief::read_areas(a->areas);
        }
        auto b =
            brief::two_region_brief(mrio, tables, activity, a->regions[0], a->regions[1], options);
        b.notes.insert(b.notes.begin(), notes.begin(), notes.end());
        std::string html_path = a->html;
        if (html_path.empty() && a->out.output.ends_with(".html")) {
            html_path = a->out.output;
        }
        if (!html_path.empty()) {
            refuse_input_overlap(html_path, a->out.inputs);
            data::write_file_atomically(html_path, brief::brief_html(b));
            if (!a->out.quiet) {
                std::cerr << "wrote " << html_path << '\n';
            }
            if (html_path == a->out.output) {
                return;
            }
        }
        const bool terminal = a->out.format == "table" && a->out.output.empty();
        const bool json = a->out.format == "json" ||
                          (a->out.format == "table" && a->out.output.ends_with(".json"));
        auto with_zh = [](const Code& c) {
            return c.name_zh.empty() ? c.name_en : fmt::format("{} ({})", c.name_en, c.name_zh);
        };
        const std::string pair = with_zh(b.a) + " and " + with_zh(b.b);
        const std::vector<std::pair<Table*, std::string>> titled = {
            {&b.summary,
             fmt::format("{}{}: the two economies ({})",
                         pair,
                         b.year > 0 ? fmt::format(", {}", b.year) : std::string(),
                         b.unit)},
            {&b.specialisations,
             fmt::format(
                 "Specialisations (RCA of {} among {} regions)", b.measure, tables.tables.size())},
            {&b.key_sectors,
             "Key sectors (power and sensitivity of dispersion both above 1, regional flows)"},
            {&b.complementarity, "Complementarity, measured several ways"},
            {&b.supply_chains,
             "Supply chains: flows between the two, and what each could sell the other more of"},
            {&b.relatedness, "Relatedness: what one is strong in and the other is close to"},
            {&b.areas,
             "The symposium's cooperation areas (score: the share of both regions' "
             "outside purchases in the area the other could supply)"},
            {&b.scenario, "Win-win scenario: " + b.scenario_text},
        };
        for (const auto& [t, title] : titled) {
            if (t->values.size() == 0 && t->rows.size() == 0) {
                continue;
            }
            if (terminal) {
                t->name = title;
            } else {
                // Files keep short table names (sheet and file names) and carry the title.
                t->notes.insert(t->notes.begin(), title);
            }
            out.push_back(std::move(*t));
        }
        if (!terminal && !json && !out.empty()) {
            // What the terminal prints below the tables travels with the first table in files
            // (JSON has them as fields of its own).
            auto& first = out.front().notes;
            for (const auto& c : b.cautions) {
                first.push_back("data caution: " + c);
            }
            for (const auto& n : b.notes) {
                first.push_back(n);
            }
            for (const auto& r : b.reasons) {
                first.push_back("area: " + r);
            }
        }
        if (json) {
            // One object: the tables, the data cautions and the notes.
            std::ostringstream tables_json;
            data::write_json(out, tables_json);
            nlohmann::ordered_json j;
            j["tables"] = nlohmann::ordered_json::parse(tables_json.str());
            j["cautions"] = b.cautions;
            j["notes"] = b.notes;
            j["reasons"] = b.reasons;
            const std::string text = j.dump(1) + "\n";
            if (a->out.output.empty() || a->out.output == "-") {
                std::cout << text;
            } else {
                refuse_input_overlap(a->out.output, a->out.inputs);
                data::write_file_atomically(a->out.output, text);
                if (!a->out.quiet) {
                    std::cerr << "wrote " << a->out.output << '\n';
                }
            }
            return;
        }
        emit(out, a->out);
        if (terminal) {
            if (!b.reasons.empty()) {
                std::cout << "\nWhy each area scores as it does:\n";
            }
            for (const auto& r : b.reasons) {
                std::cout << "  - " << r << '\n';
            }
            if (!b.cautions.empty()) {
                std::cout << "\nData cautions (docs/brief.md gives the thresholds):\n";
            }
            for (const auto& c : b.cautions) {
                std::cout << "  - " << c << '\n';
            }
            if (!b.notes.empty()) {
                std::cout << "\nNotes on the data:\n";
            }
            for (const auto& n : b.notes) {
                std::cout << "  - " << n << '\n';
            }
        }
    });
}

}  // namespace tandem::cli
