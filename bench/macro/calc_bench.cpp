// Full calc on a dense synthetic MRIO, in one process per size so that peak memory is the
// size's own: generation, calc_all (everything pymrio's calc_all computes except the explicit
// inverse), optional writing, one shock on the factorised model, and the floors: one LAPACK LU
// of the same matrix and the machine's DGEMM rate. Prints one JSON object.
//
//   tandem_calc_bench --regions 49 --sectors 200 [--write DIR] [--inverse]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include <cblas.h>
#include <lapacke.h>

#include "tandem/data/pymrio_format.hpp"
#include "tandem/mrio/calc.hpp"

#include "support/synthetic.hpp"
#include <sys/mman.h>
#include <sys/resource.h>

namespace {

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double peak_rss_mb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    int regions = 31;
    int sectors = 42;
    std::string write_dir;
    std::string save_input;
    bool inverse = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--regions" && i + 1 < argc) {
            regions = std::stoi(argv[++i]);
        } else if (a == "--sectors" && i + 1 < argc) {
            sectors = std::stoi(argv[++i]);
        } else if (a == "--write" && i + 1 < argc) {
            write_dir = argv[++i];
        } else if (a == "--save-input" && i + 1 < argc) {
            save_input = argv[++i];
        } else if (a == "--inverse") {
            inverse = true;
        } else {
            std::fprintf(
                stderr,
                "usage: %s --regions R --sectors S [--write DIR] [--inverse] [--save-input DIR]\n",
                argv[0]);
            return 2;
        }
    }
    using tandem::Matrix;
    double t0 = now();
    tandem::Mrio m = tandem::bench::synthetic_mrio(regions, sectors);
    const double generate_s = now() - t0;
    const auto n = static_cast<long>(m.size());
    const double rss_generated = peak_rss_mb();
    if (!save_input.empty()) {
        // The raw synthetic MRIO as a pymrio folder, for the peer script.
        tandem::data::PymrioWriteOptions w;
        w.precision = 17;
        w.write_A = false;
        tandem::data::write_pymrio(m, save_input, w);
        return 0;
    }

    tandem::mrio::CalcOptions options;
    options.keep_A = n <= 4000;
    options.explicit_inverse = inverse;
    options.solver.kind = tandem::mrio::SolverKind::kDense;
    t0 = now();
    std::optional<tandem::mrio::LeontiefSolver> solver = tandem::mrio::calc_all(m, options);
    const double calc_s = now() - t0;
    double write_s = 0.0;
    if (!write_dir.empty()) {
        std::filesystem::remove_all(write_dir);
        tandem::data::PymrioWriteOptions w;
        w.write_L = inverse;
        t0 = now();
        tandem::data::write_pymrio(m, write_dir, w);
        write_s = now() - t0;
    }
    const double rss_calc = peak_rss_mb();

    // One shock on the factorised model: households of the first region buy 10% more of the
    // second region's products.
    tandem::Matrix y = m.Y;
    for (long i = sectors; i < 2L * sectors; ++i) {
        y(i, 0) *= 1.10;
    }
    tandem::mrio::ShockResult shock;
    std::vector<double> shock_times;
    {
        // Reuses the calc's factorisation (a FactorisedModel would refactor the same matrix);
        // 15 repetitions, min and median reported: the machine is shared.
        for (int rep = 0; rep < 15; ++rep) {
            t0 = now();
            tandem::Vector x_new = solver->solve(y.rowwise().sum());
            shock_times.push_back(1e3 * (now() - t0));
            shock.x = x_new;
        }
    }
    std::sort(shock_times.begin(), shock_times.end());
    const double shock_ms = shock_times.front();
    const double shock_median_ms = shock_times[shock_times.size() / 2];
    const double dx = (shock.x - m.x).sum();
    solver.reset();
    m.L.resize(0, 0);
    m.A.resize(0, 0);

    // The floor: one LAPACK LU of the same I - A (filled before the clock starts, so the floor
    // pays neither allocation nor page faults, which the calc does).
    const std::size_t bytes =
        static_cast<std::size_t>(n) * static_cast<std::size_t>(n) * sizeof(double);
    void* raw = mmap(
        nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (raw == MAP_FAILED) {
        return 1;
    }
    Eigen::Map<Matrix> lu(static_cast<double*>(raw), n, n);
    lu = -(m.Z * m.reciprocal_output().asDiagonal());
    lu.diagonal().array() += 1.0;
    m.Z.resize(0, 0);
    std::vector<lapack_int> piv(static_cast<std::size_t>(n));
    t0 = now();
    LAPACKE_dgetrf(LAPACK_COL_MAJOR,
                   static_cast<lapack_int>(n),
                   static_cast<lapack_int>(n),
                   lu.data(),
                   static_cast<lapack_int>(n),
                   piv.data());
    const double lu_s = now() - t0;
    const auto nd = static_cast<double>(n);
    const double lu_gflops = (2.0 / 3.0) * nd * nd * nd / lu_s / 1e9;
    munmap(raw, bytes);

    // The machine's DGEMM rate (n = 3000).
    const int g = 3000;
    Matrix a = Matrix::Random(g, g);
    Matrix b = Matrix::Random(g, g);
    Matrix c = Matrix::Zero(g, g);
    cblas_dgemm(CblasColMajor,
                CblasNoTrans,
                CblasNoTrans,
                g,
                g,
                g,
                1.0,
                a.data(),
                g,
                b.data(),
                g,
                0.0,
                c.data(),
                g);  // warm-up
    t0 = now();
    cblas_dgemm(CblasColMajor,
                CblasNoTrans,
                CblasNoTrans,
                g,
                g,
                g,
                1.0,
                a.data(),
                g,
                b.data(),
                g,
                0.0,
                c.data(),
                g);
    const double dgemm_s = now() - t0;
    const double dgemm_gflops = 2.0 * g * static_cast<double>(g) * g / dgemm_s / 1e9;

    std::printf(
        "{\"sectors\": %ld, \"regions\": %d, \"inverse\": %s, \"generate_s\": %.3f, "
        "\"calc_s\": %.3f, \"write_s\": %.3f, \"peak_rss_after_generate_mb\": %.0f, "
        "\"peak_rss_calc_mb\": %.0f, \"shock_ms\": %.1f, \"shock_median_ms\": %.1f, "
        "\"shock_delta_x\": %.6g, "
        "\"lu_s\": %.3f, \"lu_gflops\": %.1f, \"dgemm_gflops\": %.1f, "
        "\"calc_over_lu\": %.3f}\n",
        n,
        regions,
        inverse ? "true" : "false",
        generate_s,
        calc_s,
        write_s,
        rss_generated,
        rss_calc,
        shock_ms,
        shock_median_ms,
        dx,
        lu_s,
        lu_gflops,
        dgemm_gflops,
        calc_s / lu_s);
    return 0;
}
