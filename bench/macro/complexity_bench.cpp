// Economic complexity at the size of world trade data: L locations x P products with a share of
// non-zero cells, nested as real export data are (capable locations make more products).
//   tandem_complexity_bench [--locations 250] [--products 5000] [--density 0.2] [--eigen auto]
//                           [--write-panel FILE --years N] [--read-panel FILE]
// Without --write-panel: one geo::complexity() call on the in-memory matrix (the complexity
// table, writing excluded), printed as one JSON line with the peak resident memory.
// With --write-panel: writes an N-year long CSV (time,loc,prod,val) of that shape, for the CLI
// and the peer script. With --read-panel: reads a long CSV as the CLI does (compact cells, one
// dense year at a time) and computes every year, writing excluded; one JSON line.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include <fmt/format.h>

#include "tandem/data/long_panel.hpp"
#include "tandem/geo/complexity.hpp"

#include <sys/resource.h>

namespace {

struct Args {
    int locations = 250;
    int products = 5000;
    double density = 0.2;
    std::string eigen = "auto";
    std::string panel;
    std::string read;
    int years = 1;
};

tandem::Matrix synthetic(const Args& a, unsigned seed) {
    std::mt19937_64 g(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::lognormal_distribution<double> size(0.0, 1.5);
    std::lognormal_distribution<double> noise(0.0, 1.0);
    tandem::Vector capability(a.locations);
    tandem::Vector loc_size(a.locations);
    tandem::Vector prod_size(a.products);
    for (int c = 0; c < a.locations; ++c) {
        capability(c) = u(g);
        loc_size(c) = size(g);
    }
    for (int p = 0; p < a.products; ++p) {
        prod_size(p) = size(g);
    }
    tandem::Matrix x = tandem::Matrix::Zero(a.locations, a.products);
    for (int p = 0; p < a.products; ++p) {
        for (int c = 0; c < a.locations; ++c) {
            // Presence probability 2 * density * capability: mean density, nested.
            if (u(g) < 2.0 * a.density * capability(c)) {
                x(c, p) = std::round(loc_size(c) * prod_size(p) * noise(g) * 1000.0) + 1.0;
            }
        }
    }
    return x;
}

double peak_mb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const std::string v = argv[i + 1];
        if (k == "--locations") {
            a.locations = std::stoi(v);
        } else if (k == "--products") {
            a.products = std::stoi(v);
        } else if (k == "--density") {
            a.density = std::stod(v);
        } else if (k == "--eigen") {
            a.eigen = v;
        } else if (k == "--write-panel") {
            a.panel = v;
        } else if (k == "--read-panel") {
            a.read = v;
        } else if (k == "--years") {
            a.years = std::stoi(v);
        } else {
            std::cerr << "unknown option " << k << '\n';
            return 2;
        }
    }
    if (!a.panel.empty()) {
        std::ofstream out(a.panel);
        out << "time,loc,prod,val\n";
        for (int y = 0; y < a.years; ++y) {
            const tandem::Matrix x = synthetic(a, 7U + static_cast<unsigned>(y));
            fmt::memory_buffer buf;
            for (int c = 0; c < a.locations; ++c) {
                for (int p = 0; p < a.products; ++p) {
                    if (x(c, p) > 0.0) {
                        fmt::format_to(std::back_inserter(buf),
                                       "{},L{:04d},P{:05d},{}\n",
                                       2000 + y,
                                       c,
                                       p,
                                       x(c, p));
                    }
                }
            }
            out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
        }
        return out ? 0 : 1;
    }
    if (!a.read.empty()) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto panel = tandem::data::read_long_panel(a.read);
        const auto t1 = std::chrono::steady_clock::now();
        double checksum = 0.0;
        for (std::size_t y = 0; y < panel.years(); ++y) {
            const auto m = panel.year_matrix(y);
            checksum +=
                tandem::geo::complexity(m.locations, m.products, m.values).eci.cwiseAbs().sum();
        }
        const auto t2 = std::chrono::steady_clock::now();
        std::cout << fmt::format(
            "{{\"panel\": \"{}\", \"years\": {}, \"read_s\": {:.3f}, \"complexity_s\": {:.3f}, "
            "\"total_s\": {:.3f}, \"peak_mb\": {:.0f}, \"eci_checksum\": {:.6f}}}\n",
            a.read,
            panel.years(),
            std::chrono::duration<double>(t1 - t0).count(),
            std::chrono::duration<double>(t2 - t1).count(),
            std::chrono::duration<double>(t2 - t0).count(),
            peak_mb(),
            checksum);
        return 0;
    }
    const tandem::Matrix x = synthetic(a, 7U);
    std::vector<std::string> locs;
    std::vector<std::string> prods;
    for (int c = 0; c < a.locations; ++c) {
        locs.push_back(fmt::format("L{:04d}", c));
    }
    for (int p = 0; p < a.products; ++p) {
        prods.push_back(fmt::format("P{:05d}", p));
    }
    tandem::geo::ComplexityOptions o;
    o.eigen = a.eigen == "dense"     ? tandem::geo::EigenMethod::kDense
              : a.eigen == "partial" ? tandem::geo::EigenMethod::kPartial
                                     : tandem::geo::EigenMethod::kAuto;
    const double before = peak_mb();
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = tandem::geo::complexity(locs, prods, x, o);
    const auto t1 = std::chrono::steady_clock::now();
    const double nonzero =
        static_cast<double>((x.array() > 0.0).count()) / static_cast<double>(x.size());
    std::cout << fmt::format(
        "{{\"locations\": {}, \"products\": {}, \"nonzero\": {:.3f}, \"present\": {:.3f}, "
        "\"eigen\": \"{}\", \"complexity_s\": {:.3f}, \"peak_mb\": {:.0f}, "
        "\"input_mb\": {:.0f}, \"eci_checksum\": {:.6f}}}\n",
        a.locations,
        a.products,
        nonzero,
        r.mcp.mean(),
        a.eigen,
        std::chrono::duration<double>(t1 - t0).count(),
        peak_mb(),
        before,
        r.eci.cwiseAbs().sum());
    return 0;
}
