#include "tandem/core/mrio.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "tandem/core/error.hpp"

namespace tandem {

std::string Extension::folder_name() const {
    std::string out;
    for (char c : name) {
        out += (c == ' ') ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

void Extension::reset_to_coefficients() {
    F.resize(0, 0);
    F_Y.resize(0, 0);
    for (Matrix* m : {&D_cba,
                      &D_pba,
                      &D_imp,
                      &D_exp,
                      &D_cba_reg,
                      &D_pba_reg,
                      &D_imp_reg,
                      &D_exp_reg,
                      &D_cba_cap,
                      &D_pba_cap,
                      &D_imp_cap,
                      &D_exp_cap}) {
        m->resize(0, 0);
    }
}

void Extension::reset_to_flows() {
    reset_to_coefficients();
    S.resize(0, 0);
    S_Y.resize(0, 0);
    M.resize(0, 0);
    M_down.resize(0, 0);
}

namespace {
std::vector<std::size_t> region_positions(const Index& index,
                                          const std::vector<std::string>& regions) {
    std::unordered_map<std::string, std::size_t> pos;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        pos.emplace(regions[i], i);
    }
    std::vector<std::size_t> out(index.size());
    for (std::size_t i = 0; i < index.size(); ++i) {
        auto it = pos.find(index.at(i, 0));
        if (it == pos.end()) {
            fail(ErrorCode::kInvalidInput,
                 "final-demand column '{}' names region '{}', which has no sectors",
                 index.joined(i),
                 index.at(i, 0));
        }
        out[i] = it->second;
    }
    return out;
}
}  // namespace

std::vector<std::size_t> Mrio::sector_region() const {
    return region_positions(sectors, regions());
}

std::vector<std::size_t> Mrio::final_demand_region() const {
    return region_positions(final_demand, regions());
}

Vector Mrio::reciprocal_output() const {
    // Near-zero outputs count as zero wherever tandem divides by x (A, B, S, shares): an output
    // of at most 1e-9 times the largest output gives 0 here, so its column of A and its row of
    // B are 0 (docs/numerics.md, "Near-zero outputs"; the same threshold as
    // mrio::kNegligibleOutput).
    constexpr double kNegligibleOutput = 1e-9;
    Vector r(x.size());
    const double floor = x.size() > 0 ? kNegligibleOutput * x.cwiseAbs().maxCoeff() : 0.0;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        r(i) = x(i) == 0.0 || std::fabs(x(i)) <= floor ? 0.0 : 1.0 / x(i);
    }
    return r;
}

Matrix Mrio::a_matrix() const {
    if (A.size() > 0) {
        return A;
    }
    if (Z.size() == 0 || x.size() == 0) {
        fail(ErrorCode::kInvalidInput, "A needs either A itself or both Z and x");
    }
    return Z * reciprocal_output().asDiagonal();
}

Matrix Mrio::z_matrix() const {
    if (Z.size() > 0) {
        return Z;
    }
    if (A.size() == 0 || x.size() == 0) {
        fail(ErrorCode::kInvalidInput, "Z needs either Z itself or both A and x");
    }
    return A * x.asDiagonal();
}

Extension* Mrio::find_extension(const std::string& ext_name) {
    for (auto& e : extensions) {
        if (e.name == ext_name || e.folder_name() == ext_name) {
            return &e;
        }
    }
    return nullptr;
}

const Extension* Mrio::find_extension(const std::string& ext_name) const {
    return const_cast<Mrio*>(this)->find_extension(ext_name);
}

void Mrio::reset_to_coefficients() {
    Z.resize(0, 0);
    x.resize(0);
    B.resize(0, 0);
    G.resize(0, 0);
    for (auto& e : extensions) {
        e.reset_to_coefficients();
    }
}

void Mrio::reset_to_flows() {
    A.resize(0, 0);
    L.resize(0, 0);
    B.resize(0, 0);
    G.resize(0, 0);
    for (auto& e : extensions) {
        e.reset_to_flows();
    }
}

}  // namespace tandem

namespace tandem {

namespace {

struct AccountRef {
    const Matrix* matrix = nullptr;
    const Vector* vector = nullptr;
    Index rows;
    Index cols;
};

std::vector<std::pair<std::string, const Matrix*>> extension_accounts(const Extension& e) {
    return {{"F", &e.F},
            {"F_Y", &e.F_Y},
            {"S", &e.S},
            {"S_Y", &e.S_Y},
            {"M", &e.M},
            {"M_down", &e.M_down},
            {"D_cba", &e.D_cba},
            {"D_pba", &e.D_pba},
            {"D_imp", &e.D_imp},
            {"D_exp", &e.D_exp},
            {"D_cba_reg", &e.D_cba_reg},
            {"D_pba_reg", &e.D_pba_reg},
            {"D_imp_reg", &e.D_imp_reg},
            {"D_exp_reg", &e.D_exp_reg},
            {"D_cba_cap", &e.D_cba_cap},
            {"D_pba_cap", &e.D_pba_cap},
            {"D_imp_cap", &e.D_imp_cap},
            {"D_exp_cap", &e.D_exp_cap}};
}

}  // namespace

std::vector<std::string> account_names(const Mrio& m) {
    std::vector<std::string> out;
    for (auto [name, matrix] : {std::pair{"Z", &m.Z},
                                std::pair{"Y", &m.Y},
                                std::pair{"A", &m.A},
                                std::pair{"L", &m.L},
                                std::pair{"B", &m.B},
                                std::pair{"G", &m.G}}) {
        if (matrix->size() > 0) {
            out.emplace_back(name);
        }
    }
    if (m.x.size() > 0) {
        out.emplace_back("x");
    }
    if (m.population.size() > 0) {
        out.emplace_back("population");
    }
    for (const auto& e : m.extensions) {
        for (const auto& [name, matrix] : extension_accounts(e)) {
            if (matrix->size() > 0) {
                out.push_back(e.name + "/" + name);
            }
        }
    }
    return out;
}

namespace {

// Where an account lives and what labels it carries; nullptr storage for unknown names.
struct AccountSlot {
    Matrix* matrix = nullptr;
    Vector* vector = nullptr;  // x, population
    Index rows;
    Index cols;
};

AccountSlot slot(Mrio& m, const std::string& name) {
    AccountSlot out;
    auto slash = name.find('/');
    if (slash == std::string::npos) {
        if (name == "x") {
            out.vector = &m.x;
            out.rows = m.sectors;
            out.cols = Index::single("", {"indout"});
        } else if (name == "population") {
            out.vector = &m.population;
            out.rows = Index::single("", {"Population"});
            out.cols = Index::single("region", m.population_regions);
        } else if (name == "Y") {
            out.matrix = &m.Y;
            out.rows = m.sectors;
            out.cols = m.final_demand;
        } else {
            for (auto [key, matrix] : {std::pair{"Z", &m.Z},
                                       std::pair{"A", &m.A},
                                       std::pair{"L", &m.L},
                                       std::pair{"B", &m.B},
                                       std::pair{"G", &m.G}}) {
                if (name == key) {
                    out.matrix = matrix;
                    out.rows = m.sectors;
                    out.cols = m.sectors;
                }
            }
        }
        return out;
    }
    Extension* e = m.find_extension(name.substr(0, slash));
    const std::string key = name.substr(slash + 1);
    if (e == nullptr) {
        return out;
    }
    for (const auto& [acc, matrix] : extension_accounts(*e)) {
        if (acc == key) {
            out.matrix = const_cast<Matrix*>(matrix);
            out.rows = e->stressors;
            if (acc == "F_Y" || acc == "S_Y") {
                out.cols = m.final_demand;
            } else if (acc.ends_with("_reg") || acc.ends_with("_cap")) {
                out.cols = Index::single("region", m.regions());
            } else {
                out.cols = m.sectors;
            }
        }
    }
    return out;
}

[[noreturn]] void unknown_account(const Mrio& m, const std::string& name) {
    std::string known;
    for (const auto& n : account_names(m)) {
        known += (known.empty() ? "" : ", ") + n;
    }
    fail(ErrorCode::kInvalidInput, "no account '{}' (available: {})", name, known);
}

}  // namespace

Table account_table(const Mrio& m, const std::string& name) {
    AccountSlot s = slot(const_cast<Mrio&>(m), name);
    Table t;
    t.name = name;
    t.rows = s.rows;
    t.cols = s.cols;
    if (s.vector != nullptr && s.vector->size() > 0) {
        t.values = name == "population" ? Matrix(s.vector->transpose()) : Matrix(*s.vector);
        return t;
    }
    if (s.matrix != nullptr && s.matrix->size() > 0) {
        t.values = *s.matrix;
        return t;
    }
    unknown_account(m, name);
}

Index account_rows(const Mrio& m, const std::string& name) {
    AccountSlot s = slot(const_cast<Mrio&>(m), name);
    if (s.matrix == nullptr && s.vector == nullptr) {
        unknown_account(m, name);
    }
    return s.rows;
}

Index account_columns(const Mrio& m, const std::string& name) {
    AccountSlot s = slot(const_cast<Mrio&>(m), name);
    if (s.matrix == nullptr && s.vector == nullptr) {
        unknown_account(m, name);
    }
    return s.cols;
}

void set_account(Mrio& m, const std::string& name, Matrix values) {
    AccountSlot s = slot(m, name);
    if (s.matrix == nullptr && s.vector == nullptr) {
        unknown_account(m, name);
    }
    const auto rows = static_cast<Eigen::Index>(s.rows.size());
    const auto cols = static_cast<Eigen::Index>(s.cols.size());
    if (values.rows() != rows || values.cols() != cols) {
        fail(ErrorCode::kInvalidInput,
             "account '{}' is {} x {}, expected {} x {}",
             name,
             values.rows(),
             values.cols(),
             rows,
             cols);
    }
    if (s.vector != nullptr) {
        *s.vector =
            name == "population" ? Vector(values.row(0).transpose()) : Vector(values.col(0));
    } else {
        *s.matrix = std::move(values);
    }
}

}  // namespace tandem
