// Labelled matrices: every result carries its row and column labels to the writers.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace tandem {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

// A multi-level axis, as a pandas MultiIndex: level names and one label tuple per entry.
struct Index {
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> labels;

    Index() = default;
    Index(std::vector<std::string> level_names, std::vector<std::vector<std::string>> entries)
        : names(std::move(level_names)), labels(std::move(entries)) {}

    std::size_t size() const { return labels.size(); }
    std::size_t levels() const { return names.size(); }
    const std::string& at(std::size_t entry, std::size_t level) const {
        return labels[entry][level];
    }
    // "reg1/food" for two levels; the form used in tandem's CSV headers.
    std::string joined(std::size_t entry, const std::string& sep = "/") const;
    // Distinct values of one level, in order of first appearance.
    std::vector<std::string> unique(std::size_t level) const;
    // Position of a level by name, or -1.
    int level_of(const std::string& name) const;

    static Index single(const std::string& name, const std::vector<std::string>& values);
    // Cartesian product a x b, a varying slowest (regions x sectors).
    static Index product(const std::string& name_a,
                         const std::vector<std::string>& a,
                         const std::string& name_b,
                         const std::vector<std::string>& b);

    bool operator==(const Index& other) const = default;
};

// A matrix with labelled rows and columns, its title, units and notes; the unit of exchange
// between analytics and writers.
struct Table {
    std::string name;  // the title
    Index rows;
    Index cols;
    Matrix values;
    std::string units;               // of the values ("10,000 yuan", "index"); "" when mixed
    std::vector<std::string> notes;  // scenario, sources, caveats: carried into every file
    // Whether each row (an indicator table: value added, rank, share...) rather than each
    // column holds one quantity; the number format for people follows it.
    bool rows_are_quantities = false;
};

}  // namespace tandem
