// Google Benchmark: the Leontief factorisation and solves across sizes (dense LU should show
// O(n^3), a solve O(n^2)), and calc_all on small synthetic MRIOs.
#include <benchmark/benchmark.h>

#include "tandem/mrio/calc.hpp"

#include "support/synthetic.hpp"

namespace {

using tandem::Matrix;

void BM_DenseLeontiefFactor(benchmark::State& state) {
    const int sectors = static_cast<int>(state.range(0));
    auto m = tandem::bench::synthetic_mrio(1, sectors);
    const tandem::Vector recix = m.Z.rowwise().sum().cwiseInverse();
    tandem::mrio::SolverOptions o;
    o.kind = tandem::mrio::SolverKind::kDense;
    for (auto _ : state) {
        auto s = tandem::mrio::LeontiefSolver::from_flows(m.Z, recix, m.sectors, o);
        benchmark::DoNotOptimize(s.size());
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_DenseLeontiefFactor)
    ->RangeMultiplier(2)
    ->Range(256, 2048)
    ->Complexity(benchmark::oNCubed)
    ->Unit(benchmark::kMillisecond);

void BM_LeontiefSolveOneRhs(benchmark::State& state) {
    const int sectors = static_cast<int>(state.range(0));
    auto m = tandem::bench::synthetic_mrio(1, sectors);
    tandem::mrio::SolverOptions o;
    o.kind = tandem::mrio::SolverKind::kDense;
    auto s = tandem::mrio::LeontiefSolver::from_flows(
        m.Z, m.Z.rowwise().sum().cwiseInverse(), m.sectors, o);
    Matrix y = Matrix::Ones(sectors, 1);
    for (auto _ : state) {
        benchmark::DoNotOptimize(s.solve(y));
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_LeontiefSolveOneRhs)
    ->RangeMultiplier(2)
    ->Range(256, 4096)
    ->Complexity(benchmark::oNSquared)
    ->Unit(benchmark::kMicrosecond);

void BM_CalcAllChinaSize(benchmark::State& state) {
    // 31 provinces x 42 sectors, as the China MRIO
    const auto base = tandem::bench::synthetic_mrio(31, 42);
    for (auto _ : state) {
        auto m = base;
        tandem::mrio::calc_all(m);
        benchmark::DoNotOptimize(m.extensions[0].D_cba.data());
    }
}
BENCHMARK(BM_CalcAllChinaSize)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
