// Specialisation and concentration indicators, with EconGeo's definitions (Balland, R package
// EconGeo): for locations, Herfindahl, entropy, Krugman's specialisation index, the
// specialisation coefficient and Hachman's index; for activities, the Gini coefficient.
#pragma once

#include "tandem/core/labels.hpp"

namespace tandem::geo {

// values: locations x activities (>= 0). Shares are within each location; the reference
// structure is the whole (the sum over all locations).
struct LocationSpecialisation {
    Vector herfindahl;  // sum of squared shares
    Vector entropy;     // -sum s log2 s (bits)
    Vector krugman;     // sum |s_ci - s_i| against the whole
    Vector spec_coeff;  // half of Krugman's index
    Vector hachman;     // 1 / sum LQ_ci s_ci
};
LocationSpecialisation location_specialisation(const Matrix& values);

// The Gini coefficient of each activity's distribution over locations.
Vector activity_gini(const Matrix& values);

}  // namespace tandem::geo
