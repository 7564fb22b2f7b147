#include "tandem/core/labels.hpp"

#include <unordered_set>

namespace tandem {

std::string Index::joined(std::size_t entry, const std::string& sep) const {
    std::string out;
    for (std::size_t level = 0; level < labels[entry].size(); ++level) {
        if (level > 0) {
            out += sep;
        }
        out += labels[entry][level];
    }
    return out;
}

std::vector<std::string> Index::unique(std::size_t level) const {
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (const auto& entry : labels) {
        if (seen.insert(entry[level]).second) {
            out.push_back(entry[level]);
        }
    }
    return out;
}

int Index::level_of(const std::string& name) const {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

Index Index::single(const std::string& name, const std::vector<std::string>& values) {
    Index out;
    out.names = {name};
    for (const auto& v : values) {
        out.labels.push_back({v});
    }
    return out;
}

Index Index::product(const std::string& name_a,
                     const std::vector<std::string>& a,
                     const std::string& name_b,
                     const std::vector<std::string>& b) {
    Index out;
    out.names = {name_a, name_b};
    out.labels.reserve(a.size() * b.size());
    for (const auto& va : a) {
        for (const auto& vb : b) {
            out.labels.push_back({va, vb});
        }
    }
    return out;
}

}  // namespace tandem
