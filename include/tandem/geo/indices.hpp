// Complexity indices besides py-ecomplexity's ECI/PCI: EconGeo's eigenvector KCI/TCI and method
// of reflections (MORc/MORt, Hidalgo and Hausmann 2009), and the Fitness-Complexity algorithm
// of Tacchella, Cristelli, Caldarelli, Gabrielli and Pietronero (2012).
#pragma once

#include "tandem/core/labels.hpp"

namespace tandem::geo {

// EconGeo's kci()/tci() on a 0/1 presence matrix (locations x activities): the eigenvector of
// the second largest eigenvalue of the location (activity) transition matrix rounded to 4
// decimals, as EconGeo rounds it, divided by its sum; KCI signed to correlate with MORc, TCI
// signed to correlate negatively (Spearman) with ubiquity. Locations and activities that are
// all zero must be removed first.
Vector kci_econgeo(const Matrix& mcp);
Vector tci_econgeo(const Matrix& mcp);

// The method of reflections with EconGeo's conventions: step 1 is the mean ubiquity of a
// location's activities (mean diversity of an activity's locations), step 2 the next
// reflection, and from step 3 on each reflection is rescaled to 0-100.
struct Reflections {
    Vector locations;   // MORc
    Vector activities;  // MORt
};
Reflections method_of_reflections(const Matrix& mcp, int steps = 20);

// Fitness F of locations and complexity Q of activities: F_c <- sum_p M_cp Q_p,
// Q_p <- 1 / sum_c M_cp / F_c, both from the previous iterate and each divided by its mean.
// Fitness of locations with few, ubiquitous activities tends to 0 as iterations grow (the
// algorithm's known behaviour on nested matrices), so the count is fixed, not a tolerance.
struct FitnessComplexity {
    Vector fitness;
    Vector complexity;
};
FitnessComplexity fitness_complexity(const Matrix& mcp, int iterations = 100);

// Ranks with ties sharing their mean rank (1-based), and Spearman's correlation.
Vector average_ranks(const Vector& v);
double spearman(const Vector& a, const Vector& b);
double pearson(const Vector& a, const Vector& b);

}  // namespace tandem::geo
