#include "tandem/data/long_panel.hpp"

#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "tandem/core/error.hpp"
#include "tandem/data/delimited.hpp"

namespace tandem::data {

std::vector<YearMatrix> read_long_panel(const std::filesystem::path& path,
                                        const PanelColumns& columns) {
    const std::string file = path.string();
    struct Year {
        std::map<std::string, std::map<std::string, std::pair<double, std::size_t>>> cells;
        std::map<std::string, int> products;
    };
    std::vector<std::string> order;
    std::unordered_map<std::string, Year> years;
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
                        fmt::format("no {} column '{}' (columns: {}); name it with --{}",
                                    role,
                                    name,
                                    fmt::join(f, ", "),
                                    role));
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
        auto [it, fresh] = years.try_emplace(f[ct]);
        if (fresh) {
            order.push_back(f[ct]);
        }
        auto [cell, inserted] = it->second.cells[f[cl]].try_emplace(f[cp], v, line);
        if (!inserted) {
            fail_at(file,
                    line,
                    1,
                    fmt::format("({}, {}, {}) appears twice: here and on line {}",
                                f[ct],
                                f[cl],
                                f[cp],
                                cell->second.second));
        }
        it->second.products.emplace(f[cp], 0);
    });
    if (header.empty()) {
        fail(ErrorCode::kInvalidInput, "{}: the file is empty", file);
    }
    std::vector<YearMatrix> out;
    for (const auto& t : order) {
        Year& y = years[t];
        YearMatrix m;
        m.time = t;
        std::unordered_map<std::string, Eigen::Index> prod_pos;
        for (auto& [prod, _] : y.products) {
            prod_pos.emplace(prod, static_cast<Eigen::Index>(m.products.size()));
            m.products.push_back(prod);
        }
        m.values = Matrix::Zero(static_cast<Eigen::Index>(y.cells.size()),
                                static_cast<Eigen::Index>(m.products.size()));
        for (auto& [loc, row] : y.cells) {
            const auto c = static_cast<Eigen::Index>(m.locations.size());
            m.locations.push_back(loc);
            for (auto& [prod, cell] : row) {
                m.values(c, prod_pos.at(prod)) = cell.first;
            }
        }
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace tandem::data
