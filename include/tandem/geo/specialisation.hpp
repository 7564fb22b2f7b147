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
    Vector lq_avg;      // sum LQ_ci s_ci: the share-weighted mean location quotient
};
LocationSpecialisation location_specialisation(const Matrix& values);

// The Gini coefficient of each activity's distribution over locations.
Vector activity_gini(const Matrix& values);

// Krugman's locational Gini of each activity (Geography and Trade, 1991, ch. 2): the area
// between the activity's concentration curve and the diagonal, locations ordered by their
// location quotient, against the locations' shares of the whole. At most 0.5.
Vector locational_gini(const Matrix& values);

// Hoover's index of each activity, in percent: half the sum over locations of |share of the
// activity - share of the reference|. reference: one value per location (population, say);
// empty: the locations' shares of the whole.
Vector hoover_index(const Matrix& values, const Vector& reference = Vector());

}  // namespace tandem::geo
