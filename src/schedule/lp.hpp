// A linear programme built column by column for CBC and CLP (private to src/schedule).
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "tandem/core/error.hpp"

#include <coin/Cbc_C_Interface.h>
#include <coin/Clp_C_Interface.h>

namespace tandem::schedule {

struct ClpDeleter {
    void operator()(Clp_Simplex* m) const { Clp_deleteModel(m); }
};
using ClpModel = std::unique_ptr<Clp_Simplex, ClpDeleter>;

struct CbcDeleter {
    void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};
using CbcModel = std::unique_ptr<Cbc_Model, CbcDeleter>;

// CBC ended normally: finished (0) or stopped at a limit (1); -1 and 2 and above are failures.
inline bool cbc_finished(Cbc_Model* m) {
    const int status = Cbc_status(m);
    return status == 0 || status == 1;
}

// Rows and columns in CBC's compressed-column form.
struct Lp {
    std::vector<std::vector<std::pair<int, double>>> columns;
    std::vector<double> col_lb;
    std::vector<double> col_ub;
    std::vector<double> objective;
    std::vector<double> row_lb;
    std::vector<double> row_ub;

    struct Csc {
        std::vector<CoinBigIndex> start = {0};
        std::vector<int> index;
        std::vector<double> value;
    };
    Csc compressed() const {
        Csc c;
        for (const auto& col : columns) {
            for (const auto& [row, v] : col) {
                c.index.push_back(row);
                c.value.push_back(v);
            }
            c.start.push_back(static_cast<CoinBigIndex>(c.index.size()));
        }
        return c;
    }

    int add_row(double ub, double lb = -1e30) {
        row_lb.push_back(lb);
        row_ub.push_back(ub);
        return static_cast<int>(row_ub.size()) - 1;
    }

    // Hands the programme to CLP's or CBC's loadProblem (the same arguments in both).
    template <class Model, class Loader>
    void load(Model* m, Loader loader) const {
        const Csc csc = compressed();
        loader(m,
               static_cast<int>(columns.size()),
               static_cast<int>(row_ub.size()),
               csc.start.data(),
               csc.index.data(),
               csc.value.data(),
               col_lb.data(),
               col_ub.data(),
               objective.data(),
               row_lb.data(),
               row_ub.data());
    }

    // The LP alone, with CLP (quiet, unlike CBC on a problem without integers).
    double solve_lp() const {
        ClpModel m(Clp_newModel());
        Clp_setLogLevel(m.get(), 0);
        load(m.get(), Clp_loadProblem);
        Clp_setOptimizationDirection(m.get(), -1.0);  // maximise
        Clp_dual(m.get(), 0);  // initialSolve's crash step prints to stdout whatever the log level
        if (Clp_status(m.get()) != 0) {
            fail(ErrorCode::kNumerical,
                 "the LP bound did not solve (CLP status {})",
                 Clp_status(m.get()));
        }
        return Clp_objectiveValue(m.get());
    }

    // The first `integers` columns integer; started from the columns `start` at 1 when given.
    // Debian's CBC 2.10 sometimes fails on a MIP start ("ClpModel::getColumnName, Illegal
    // index", status -1): the model is then solved again without it. The caller checks
    // cbc_finished() on the result: a second failure is its to report.
    CbcModel solve_mip(double sense,
                       std::size_t integers,
                       double time_limit,
                       double allowable_gap,
                       const std::vector<int>& start) const {
        auto once = [&](bool with_start) {
            CbcModel m = model(sense);
            for (std::size_t j = 0; j < integers; ++j) {
                Cbc_setInteger(m.get(), static_cast<int>(j));
            }
            Cbc_setMaximumSeconds(m.get(), time_limit);
            Cbc_setAllowableGap(m.get(), allowable_gap);
            if (with_start && !start.empty()) {
                const std::vector<double> ones(start.size(), 1.0);
                Cbc_setMIPStartI(
                    m.get(), static_cast<int>(start.size()), start.data(), ones.data());
            }
            Cbc_solve(m.get());
            return m;
        };
        CbcModel m = once(true);
        if (!cbc_finished(m.get()) && !start.empty()) {
            m = once(false);
        }
        return m;
    }

    // sense: -1 maximises, 1 minimises.
    CbcModel model(double sense = -1.0) const {
        CbcModel m(Cbc_newModel());
        load(m.get(), Cbc_loadProblem);
        Cbc_setObjSense(m.get(), sense);
        Cbc_setLogLevel(m.get(), 0);
        return m;
    }
};

}  // namespace tandem::schedule
