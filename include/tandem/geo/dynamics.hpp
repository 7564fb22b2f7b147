// Change between two periods: shift-share decomposition of growth, growth rates, and the
// entries and exits of specialisations (EconGeo's growth_mat, entry_list, exit_list).
#pragma once

#include "tandem/core/labels.hpp"

namespace tandem::geo {

// Classic shift-share (Dunn 1960; Stevens and Moore 1980) of each location x activity change:
//   national    = e0_ri G               (had it grown as the whole economy)
//   mix         = e0_ri (g_i - G)       (its activity grew faster or slower nationally)
//   competitive = e0_ri (g_ri - g_i)    (it grew faster or slower than its activity)
// with G the whole's growth rate, g_i the activity's, g_ri the cell's; the three sum to
// e1_ri - e0_ri exactly. The "nation" is the sum over all locations given unless national
// totals are passed (one value per activity for each period).
struct ShiftShare {
    Matrix change;  // e1 - e0
    Matrix national;
    Matrix mix;
    Matrix competitive;
    double national_growth = 0.0;  // G
    Vector activity_growth;        // g_i
};
ShiftShare shift_share(const Matrix& base,
                       const Matrix& end,
                       const Vector& national_base = Vector(),
                       const Vector& national_end = Vector());

// Growth in percent, (e1 - e0) / e0 * 100; 0 where both are 0; +infinity where only e0 is 0
// (callers write it as an entry, never as a number).
Matrix growth_percent(const Matrix& base, const Matrix& end);

// Presence changes: entries (absent then present) and exits (present then absent), 0/1.
struct Transitions {
    Matrix entries;
    Matrix exits;
};
Transitions transitions(const Matrix& mcp_base, const Matrix& mcp_end);

}  // namespace tandem::geo
