#include "support/reference.hpp"

#include <cmath>
#include <random>

#include <fmt/format.h>

#include "tandem/data/delimited.hpp"

namespace tandem::test {

namespace fs = std::filesystem;

fs::path reference_dir() {
    return TANDEM_REFERENCE_DIR;
}
fs::path pymrio_reference() {
    return reference_dir() / "pymrio";
}
fs::path test_data() {
    return TANDEM_TEST_DATA_DIR;
}

Table read_reference_csv(const fs::path& path, std::size_t n_labels) {
    Table t;
    t.name = path.stem().string();
    std::vector<std::vector<double>> rows;
    data::read_delimited(path, ',', [&](std::size_t line, const std::vector<std::string>& f) {
        if (t.rows.names.empty()) {
            t.rows.names.assign(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(n_labels));
            for (std::size_t c = n_labels; c < f.size(); ++c) {
                t.cols.labels.push_back({f[c]});
            }
            t.cols.names = {""};
            return;
        }
        t.rows.labels.emplace_back(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(n_labels));
        std::vector<double> values;
        for (std::size_t c = n_labels; c < f.size(); ++c) {
            values.push_back(data::parse_number(f[c], path.string(), line, c + 1, "value"));
        }
        rows.push_back(std::move(values));
    });
    t.values.resize(static_cast<Eigen::Index>(rows.size()),
                    static_cast<Eigen::Index>(t.cols.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            t.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = rows[r][c];
        }
    }
    return t;
}

::testing::AssertionResult tables_match(const Table& got,
                                        const Table& want,
                                        double rel,
                                        double abs) {
    if (got.rows.size() != want.rows.size() || got.cols.size() != want.cols.size()) {
        return ::testing::AssertionFailure()
               << want.name << ": shape " << got.rows.size() << "x" << got.cols.size()
               << ", expected " << want.rows.size() << "x" << want.cols.size();
    }
    for (std::size_t r = 0; r < want.rows.size(); ++r) {
        if (got.rows.joined(r) != want.rows.joined(r)) {
            return ::testing::AssertionFailure()
                   << want.name << ": row " << r << " is '" << got.rows.joined(r) << "', expected '"
                   << want.rows.joined(r) << "'";
        }
    }
    for (std::size_t c = 0; c < want.cols.size(); ++c) {
        if (got.cols.joined(c) != want.cols.joined(c)) {
            return ::testing::AssertionFailure()
                   << want.name << ": column " << c << " is '" << got.cols.joined(c)
                   << "', expected '" << want.cols.joined(c) << "'";
        }
    }
    for (Eigen::Index r = 0; r < want.values.rows(); ++r) {
        for (Eigen::Index c = 0; c < want.values.cols(); ++c) {
            const double g = got.values(r, c);
            const double w = want.values(r, c);
            const double diff = std::fabs(g - w);
            if (!(diff <= abs || diff <= rel * std::fabs(w))) {
                return ::testing::AssertionFailure()
                       << want.name << "[" << want.rows.joined(static_cast<std::size_t>(r)) << ", "
                       << want.cols.joined(static_cast<std::size_t>(c))
                       << "] = " << fmt::format("{:.17g}", g) << ", expected "
                       << fmt::format("{:.17g}", w) << " (relative error "
                       << diff / std::max(std::fabs(w), 1e-300) << ")";
            }
        }
    }
    return ::testing::AssertionSuccess();
}

TempDir::TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / fmt::format("tandem-test-{:08x}", rd());
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

}  // namespace tandem::test
