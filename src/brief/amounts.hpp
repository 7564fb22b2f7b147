// Amounts for people (private to src/brief): a table's amounts in 10k CNY put into one unit a
// reader takes in at a glance (亿元 or 万元, CNY bn, M or k), named in the labels.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "tandem/core/i18n.hpp"
#include "tandem/core/labels.hpp"
#include "tandem/data/number_format.hpp"

namespace tandem::brief {

// A whole amount with thousands separators, as sentences quote them: 1402938.4 -> "1,402,938".
inline std::string grouped(double v) {
    return data::format_number(v, {data::NumberFormat::Style::kInteger}, true);
}

// The scale that makes a table's largest amount (10k CNY) readable, and its unit.
inline std::pair<double, std::string> amount_scale(double largest, i18n::Lang lang) {
    if (lang == i18n::Lang::kZh) {
        return largest >= 1e5 ? std::pair{1e-4, std::string("亿元")}
                              : std::pair{1.0, std::string("万元")};
    }
    if (largest >= 1e5) {
        return {1e-5, "CNY bn"};  // 10k CNY x 1e4 / 1e9
    }
    return largest >= 100.0 ? std::pair{1e-2, std::string("CNY M")}
                            : std::pair{10.0, std::string("CNY k")};
}

inline double largest_finite(const Eigen::Ref<const Eigen::VectorXd>& v) {
    double m = 0.0;
    for (Eigen::Index i = 0; i < v.size(); ++i) {
        if (std::isfinite(v(i))) {
            m = std::max(m, std::fabs(v(i)));
        }
    }
    return m;
}

// Puts the given columns (or, for an indicator table, rows) of amounts into one readable unit
// and names it in their labels (the data's own unit, where a label named it, gives way); a
// matrix of amounts (every cell one: the flows) names it once, beside its row labels' name.
inline void express(Table& t,
                    const std::vector<Eigen::Index>& lines,
                    bool rows,
                    i18n::Lang lang,
                    std::map<std::string, std::string>& units,
                    bool matrix = false,
                    int label_level = -1) {  // the level of a row label that names it; -1: the last
    if (lines.empty() || t.values.size() == 0) {
        return;
    }
    double largest = 0.0;
    for (const auto k : lines) {
        largest = std::max(
            largest,
            rows ? largest_finite(t.values.row(k).transpose()) : largest_finite(t.values.col(k)));
    }
    const auto [scale, unit] = amount_scale(largest, lang);
    const std::string suffix = lang == i18n::Lang::kZh ? "（" + unit + "）" : " (" + unit + ")";
    if (matrix) {
        t.values *= scale;
        t.rows.names.back() += suffix;
        units[t.name] = unit;
        return;
    }
    for (const auto k : lines) {
        const auto at = static_cast<std::size_t>(k);
        auto& label = !rows             ? t.cols.labels[at].back()
                      : label_level < 0 ? t.rows.labels[at].back()
                                        : t.rows.labels[at][static_cast<std::size_t>(label_level)];
        for (const std::string old : {" (10k CNY)", "（万元）"}) {
            if (label.ends_with(old)) {
                label.resize(label.size() - old.size());
            }
        }
        label += suffix;
        if (rows) {
            t.values.row(k) *= scale;
        } else {
            t.values.col(k) *= scale;
        }
    }
    units[t.name] = unit;
}

// An indicator table whose amounts are some rows of some columns (a value column beside a
// share column): those cells put into one unit, named in the rows' labels (level label_level).
inline void express_cells(Table& t,
                          const std::vector<Eigen::Index>& rows,
                          const std::vector<Eigen::Index>& cols,
                          i18n::Lang lang,
                          std::map<std::string, std::string>& units,
                          std::size_t label_level = 0) {
    double largest = 0.0;
    for (const auto r : rows) {
        for (const auto c : cols) {
            if (std::isfinite(t.values(r, c))) {
                largest = std::max(largest, std::fabs(t.values(r, c)));
            }
        }
    }
    if (rows.empty() || cols.empty()) {
        return;
    }
    const auto [scale, unit] = amount_scale(largest, lang);
    for (const auto r : rows) {
        for (const auto c : cols) {
            t.values(r, c) *= scale;
        }
        t.rows.labels[static_cast<std::size_t>(r)][label_level] +=
            lang == i18n::Lang::kZh ? "（" + unit + "）" : " (" + unit + ")";
    }
    units[t.name] = unit;
}

inline std::vector<Eigen::Index> all_columns(const Table& t) {
    std::vector<Eigen::Index> out(static_cast<std::size_t>(t.values.cols()));
    std::iota(out.begin(), out.end(), Eigen::Index{0});
    return out;
}

// Rows of an indicator table whose English label is one of `labels` ("x*": starts with x).
inline std::vector<Eigen::Index> amount_rows(const Table& t,
                                             const std::vector<std::string>& labels) {
    std::vector<Eigen::Index> out;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        // Any level of the row's label may name it (indicator, or kind and measure).
        const bool amount = std::any_of(
            t.rows.labels[r].begin(), t.rows.labels[r].end(), [&](const std::string& label) {
                return std::any_of(labels.begin(), labels.end(), [&](const std::string& l) {
                    return label == l ||
                           (l.back() == '*' && label.starts_with(l.substr(0, l.size() - 1)));
                });
            });
        if (amount) {
            out.push_back(static_cast<Eigen::Index>(r));
        }
    }
    return out;
}

}  // namespace tandem::brief
