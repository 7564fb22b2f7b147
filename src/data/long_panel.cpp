#include "tandem/data/long_panel.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"

namespace tandem::data {

namespace {

// Gives each distinct label a small integer, in order of first appearance.
class Interner {
public:
    std::uint32_t id(const std::string& label) {
        auto [it, fresh] = ids_.try_emplace(label, static_cast<std::uint32_t>(names_.size()));
        if (fresh) {
            names_.push_back(label);
        }
        return it->second;
    }
    std::vector<std::string> take() { return std::move(names_); }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<std::string> names_;
};

struct RawCell {
    std::uint32_t loc;
    std::uint32_t prod;
    std::uint32_t line;
    double value;
};

// Positions of names sorted as strings (py-ecomplexity sorts locations and products so).
std::vector<std::uint32_t> string_ranks(const std::vector<std::string>& names) {
    std::vector<std::uint32_t> order(names.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return names[a] < names[b];
    });
    std::vector<std::uint32_t> rank(names.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        rank[order[i]] = static_cast<std::uint32_t>(i);
    }
    return rank;
}

}  // namespace

std::size_t LongPanel::find(const std::string& time) const {
    return static_cast<std::size_t>(std::find(times_.begin(), times_.end(), time) - times_.begin());
}

namespace {

void check_dense_size(const std::string& time,
                      std::size_t locations,
                      std::size_t products,
                      std::size_t max_cells) {
    const std::size_t cells = locations * products;
    const std::size_t square = products * products;
    if (cells <= max_cells && square <= max_cells) {
        return;
    }
    // About 8 bytes a cell in memory and 150 bytes a row of complexity output.
    const std::size_t largest = std::max(cells, square);
    fail(ErrorCode::kInvalidInput,
         "year {}: {} locations x {} products make {} cells a year ({} x {} for proximity; "
         "about {:.1f} GB in memory, {:.1f} GB of complexity output), over the limit of {} "
         "cells a year (max_cells)",
         time,
         locations,
         products,
         cells,
         products,
         products,
         static_cast<double>(largest) * 8.0 / 1e9,
         static_cast<double>(cells) * 150.0 / 1e9,
         max_cells);
}

}  // namespace

YearMatrix LongPanel::year_matrix(std::size_t year, std::size_t max_cells) const {
    YearMatrix m;
    m.time = times_[year];
    const auto& cells = cells_[year];
    // Cells are sorted by location name, then product name: locations come out in order.
    std::vector<std::int64_t> loc_pos(locations_.size(), -1);
    std::vector<std::int64_t> prod_pos(products_.size(), -1);
    std::vector<std::uint32_t> prods;
    for (const Cell& c : cells) {
        if (loc_pos[c.loc] < 0) {
            loc_pos[c.loc] = static_cast<std::int64_t>(m.locations.size());
            m.locations.push_back(locations_[c.loc]);
        }
        if (prod_pos[c.prod] < 0) {
            prod_pos[c.prod] = 0;
            prods.push_back(c.prod);
        }
    }
    std::sort(prods.begin(), prods.end(), [&](std::uint32_t a, std::uint32_t b) {
        return products_[a] < products_[b];
    });
    check_dense_size(m.time, m.locations.size(), prods.size(), max_cells);
    for (std::size_t i = 0; i < prods.size(); ++i) {
        prod_pos[prods[i]] = static_cast<std::int64_t>(i);
        m.products.push_back(products_[prods[i]]);
    }
    m.values = Matrix::Zero(static_cast<Eigen::Index>(m.locations.size()),
                            static_cast<Eigen::Index>(m.products.size()));
    for (const Cell& c : cells) {
        m.values(loc_pos[c.loc], prod_pos[c.prod]) = c.value;
    }
    return m;
}

LongPanel read_long_panel(const std::filesystem::path& path, const PanelColumns& columns) {
    const std::string file = path.string();
    Interner times;
    Interner locations;
    Interner products;
    std::vector<std::vector<RawCell>> raw;
    std::vector<std::string> header;
    std::size_t ct = 0;
    std::size_t cl = 0;
    std::size_t cp = 0;
    std::size_t cv = 0;
    read_delimited(path, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (header.empty()) {
            header = f;
            auto find = [&](const std::string& name, const char* role) {
                for (std::size_t i = 0; i < f.size(); ++i) {
                    if (f[i] == name) {
                        return i;
                    }
                }
                fail_at(file,
                        line,
                        1,
                        fmt::format("no {} column '{}' (columns: {})",
                                    role,
                                    cell_excerpt(name, 40),
                                    list_excerpt(f)));
            };
            ct = find(columns.time, "time");
            cl = find(columns.loc, "loc");
            cp = find(columns.prod, "prod");
            cv = find(columns.val, "val");
            return;
        }
        if (f.size() != header.size()) {
            fail_at(file,
                    line,
                    std::min(f.size(), header.size()) + 1,
                    fmt::format("expected {} cells, found {}", header.size(), f.size()));
        }
        const double v = parse_number(f[cv], file, line, cv + 1, columns.val);
        if (v < 0.0) {
            fail_at(file,
                    line,
                    cv + 1,
                    fmt::format("negative value {} for {} / {} in {} (values must be >= 0)",
                                v,
                                f[cl],
                                f[cp],
                                f[ct]));
        }
        const std::uint32_t t = times.id(f[ct]);
        if (t == raw.size()) {
            raw.emplace_back();
        }
        raw[t].push_back(
            RawCell{locations.id(f[cl]), products.id(f[cp]), static_cast<std::uint32_t>(line), v});
    });
    if (header.empty()) {
        fail(ErrorCode::kInvalidInput, "{}: the file is empty", file);
    }
    LongPanel panel;
    panel.times_ = times.take();
    panel.locations_ = locations.take();
    panel.products_ = products.take();
    const auto loc_rank = string_ranks(panel.locations_);
    const auto prod_rank = string_ranks(panel.products_);
    panel.cells_.resize(raw.size());
    for (std::size_t t = 0; t < raw.size(); ++t) {
        auto& cells = raw[t];
        std::sort(cells.begin(), cells.end(), [&](const RawCell& a, const RawCell& b) {
            if (a.loc != b.loc) {
                return loc_rank[a.loc] < loc_rank[b.loc];
            }
            if (a.prod != b.prod) {
                return prod_rank[a.prod] < prod_rank[b.prod];
            }
            return a.line < b.line;
        });
        for (std::size_t i = 1; i < cells.size(); ++i) {
            if (cells[i].loc == cells[i - 1].loc && cells[i].prod == cells[i - 1].prod) {
                fail_at(file,
                        cells[i].line,
                        1,
                        fmt::format("({}, {}, {}) appears twice: here and on line {}",
                                    panel.times_[t],
                                    panel.locations_[cells[i].loc],
                                    panel.products_[cells[i].prod],
                                    cells[i - 1].line));
            }
        }
        auto& out = panel.cells_[t];
        out.reserve(cells.size());
        for (const RawCell& c : cells) {
            out.push_back(LongPanel::Cell{c.loc, c.prod, c.value});
        }
        std::vector<RawCell>().swap(cells);  // release as we go: the peak stays near one copy
    }
    return panel;
}

}  // namespace tandem::data
