// Relatedness between activities from their co-occurrence in locations, and the relatedness
// density of each location around each activity, with EconGeo's definitions (Balland; van Eck
// and Waltman 2009 for the normalisations; Steijn 2017 for the probability index).
#pragma once

#include <optional>
#include <string_view>

#include "tandem/core/labels.hpp"

namespace tandem::geo {

enum class RelatednessMethod {
    kProbability,  // EconGeo's default "prob": association strength over combinations
    kAssociation,  // c_ij / (s_i s_j / t)
    kCosine,       // c_ij / sqrt(s_i s_j)
    kJaccard,      // c_ij / (s_i + s_j - c_ij)
};
std::optional<RelatednessMethod> parse_relatedness_method(std::string_view name);
const char* relatedness_method_name(RelatednessMethod method);

// co: a symmetric co-occurrence matrix (its diagonal is ignored). Zero diagonal, 0 where a
// normalisation divides by zero (an activity that co-occurs with nothing).
Matrix relatedness(const Matrix& co, RelatednessMethod method);

// density_cp = 100 sum_q m_cq R_qp / sum_q R_qp (EconGeo's relatedness_density, unrounded;
// EconGeo rounds to integers). 0 where an activity is related to nothing.
Matrix relatedness_density(const Matrix& mcp, const Matrix& relatedness);

// Per location, the mean density over the activities it has (internal: the coherence of its
// portfolio) and over those it lacks (external: how close the rest is). NaN-free: a location
// with no (or every) activity gets 0 for the empty side.
struct DensityAverages {
    Vector internal;
    Vector external;
};
DensityAverages relatedness_density_averages(const Matrix& mcp, const Matrix& density);

}  // namespace tandem::geo
