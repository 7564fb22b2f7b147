// Dense synthetic MRIOs for benchmarks: regions x sectors, 7 final-demand categories per region,
// 7 extension rows, deterministic (fixed seed).
#pragma once

#include <random>

#include "tandem/core/mrio.hpp"

namespace tandem::bench {

inline Mrio synthetic_mrio(int regions, int sectors, unsigned seed = 1337) {
    std::mt19937_64 g(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<std::string> reg;
    std::vector<std::string> sec;
    for (int r = 0; r < regions; ++r) {
        reg.push_back("R" + std::to_string(r + 1));
    }
    for (int s = 0; s < sectors; ++s) {
        sec.push_back("s" + std::to_string(s + 1));
    }
    const std::vector<std::string> cats = {
        "households", "npish", "government", "gfcf", "inventories", "valuables", "exports"};
    Mrio m;
    m.name = "synthetic";
    m.sectors = Index::product("region", reg, "sector", sec);
    m.final_demand = Index::product("region", reg, "category", cats);
    const auto n = static_cast<Eigen::Index>(m.sectors.size());
    const auto nf = static_cast<Eigen::Index>(m.final_demand.size());
    m.units.assign(static_cast<std::size_t>(n), "M EUR");
    // Outputs near 10,000 and inputs worth 60% of output: every column of A sums to 0.6, every
    // row of Z stays well below its output, so final demand is positive.
    Vector x(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        x(i) = 1e4 * (0.8 + 0.4 * u(g));
    }
    m.Z.resize(n, n);
    for (Eigen::Index j = 0; j < n; ++j) {
        double sum = 0.0;
        for (Eigen::Index i = 0; i < n; ++i) {
            const double v = u(g);
            m.Z(i, j) = v;
            sum += v;
        }
        m.Z.col(j) *= 0.6 * x(j) / sum;
    }
    const Vector f = x - m.Z.rowwise().sum();
    m.Y = Matrix::Zero(n, nf);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto own = i / sectors;
        double total = 0.0;
        std::vector<double> w(static_cast<std::size_t>(nf));
        for (Eigen::Index c = 0; c < nf; ++c) {
            // domestic final demand dominates, as in real MRIOs
            const double bias = (c / 7 == own) ? 20.0 : 1.0;
            w[static_cast<std::size_t>(c)] = bias * u(g);
            total += w[static_cast<std::size_t>(c)];
        }
        for (Eigen::Index c = 0; c < nf; ++c) {
            m.Y(i, c) = f(i) * w[static_cast<std::size_t>(c)] / total;
        }
    }
    Extension e;
    e.name = "Stressors";
    e.stressors.names = {"stressor", "compartment"};
    for (int k = 0; k < 7; ++k) {
        e.stressors.labels.push_back({"stressor" + std::to_string(k + 1), "air"});
        e.units.push_back("kg");
    }
    e.F.resize(7, n);
    for (Eigen::Index j = 0; j < n; ++j) {
        for (Eigen::Index k = 0; k < 7; ++k) {
            e.F(k, j) = x(j) * u(g);
        }
    }
    e.F_Y = Matrix::Zero(7, nf);
    for (Eigen::Index c = 0; c < nf; c += 7) {
        for (Eigen::Index k = 0; k < 7; ++k) {
            e.F_Y(k, c) = 1e5 * u(g);
        }
    }
    m.extensions.push_back(std::move(e));
    m.population = Vector::Constant(regions, 1e7);
    m.population_regions = reg;
    return m;
}

}  // namespace tandem::bench
