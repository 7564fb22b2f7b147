// tandem brief A B: complementarity and win-win of two provinces; tandem brief A --partners.
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "tandem/brief/brief.hpp"
#include "tandem/china/mrio_build.hpp"
#include "tandem/core/error.hpp"
#include "tandem/data/china_tables.hpp"
#include "tandem/data/datasets.hpp"
#include "tandem/data/output_folder.hpp"
#include "tandem/data/tandem_format.hpp"

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
    cmd->add_option("--mrio",
                    a->mrio,
                    "another MRIO of the provinces (a tandem or pymrio folder, e.g. the tandem/ "
                    "folder of `tandem china build --decay 2`); default: the shipped 2017 MRIO");
    cmd->add_option("--tables",
                    a->tables,
                    "the provincial table set the MRIO was built from (default: shipped 2017)");
    cmd->add_option("--base",
                    a->base,
                    "an earlier provincial table set for growth and shift-share (default: "
                    "shipped 2012)");
    cmd->add_option("--top", a->top, "sectors listed per table (default 8)");
    cmd->add_option(
        "--html", a->html, "also write the report as one self-contained HTML page with charts");
    add_output_options(*cmd, a->out);
    cmd->callback([a] {
        const TableSet tables = a->tables.empty() ? data::load_provincial_tables(2017)
                                                  : data::read_table_set(a->tables);
        const Mrio mrio = a->mrio.empty() ? china::load_china_mrio(2017) : data::read_mrio(a->mrio);
        std::vector<Table> out;
        if (a->partners) {
            if (a->regions.size() != 1) {
                fail(ErrorCode::kUsage, "--partners takes one region");
            }
            auto t = brief::partner_ranking(mrio, tables, a->regions[0]);
            out.push_back(std::move(t));
            emit(out, a->out);
            return;
        }
        if (a->regions.size() != 2) {
            fail(ErrorCode::kUsage,
                 "a brief takes two regions (or one with --partners); {} given",
                 a->regions.size());
        }
        const TableSet base =
            a->base.empty() ? data::load_provincial_tables(2012) : data::read_table_set(a->base);
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
        auto b = brief::two_region_brief(mrio, tables, base, a->regions[0], a->regions[1], options);
        std::string html_path = a->html;
        if (html_path.empty() && a->out.output.ends_with(".html")) {
            html_path = a->out.output;
        }
        if (!html_path.empty()) {
            data::write_file_atomically(html_path, brief::brief_html(b));
            if (!a->out.quiet) {
                std::cerr << "wrote " << html_path << '\n';
            }
            if (html_path == a->out.output) {
                return;
            }
        }
        const bool terminal = a->out.format == "table" && a->out.output.empty();
        const std::string pair =
            fmt::format("{} ({}) and {} ({})", b.a.name_en, b.a.name_zh, b.b.name_en, b.b.name_zh);
        const std::vector<std::pair<Table*, std::string>> titled = {
            {&b.summary, fmt::format("{}, {}: the two economies (10k CNY)", pair, b.year)},
            {&b.specialisations, "Specialisations (RCA of value added among 31 provinces)"},
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
            t->name = terminal ? title : t->name;
            out.push_back(std::move(*t));
        }
        emit(out, a->out);
        if (terminal) {
            std::cout << "\nWhy each area scores as it does:\n";
            for (const auto& r : b.reasons) {
                std::cout << "  - " << r << '\n';
            }
        }
    });
}

}  // namespace tandem::cli
