// Economic complexity with py-ecomplexity's exact conventions (Harvard Growth Lab,
// cid-harvard/py-ecomplexity v0.5.2): RCA, presence, diversity, ubiquity, ECI, PCI, proximity,
// density, COI, COG. shared/data/ecomplexity_reference/README.md spells the conventions out.
#pragma once

#include <string>
#include <vector>

#include <Eigen/SparseCore>

#include "tandem/core/labels.hpp"

namespace tandem::geo {

using SparseMatrix = Eigen::SparseMatrix<double>;

enum class EigenMethod {
    kAuto,     // dense below 800 products, partial above
    kDense,    // symmetric dense eigen-decomposition (Eigen)
    kPartial,  // the two largest eigenpairs only (Spectra's Lanczos), matrix-free
};

// How presence (mcp = 1) is decided, as py-ecomplexity's presence_test.
enum class PresenceTest {
    kRca,         // RCA >= rca_threshold
    kPopulation,  // RPOP >= rpop_threshold: (X_cp / pop_c) / (X_p / pop), needs population
    kBoth,        // both of the above
    kGiven,       // the values are the presence already: mcp = 1 where the value is > 0
};

struct ComplexityOptions {
    double rca_threshold = 1.0;  // presence: mcp = 1 where RCA >= threshold
    double rpop_threshold = 1.0;
    PresenceTest presence = PresenceTest::kRca;
    Vector population;  // per location, for kPopulation and kBoth
    EigenMethod eigen = EigenMethod::kAuto;

    bool is_valid(std::string* why) const;
};

// One year. Locations and products whose total is 0 are dropped first (as py-ecomplexity).
struct ComplexityResult {
    std::vector<std::string> locations;
    std::vector<std::string> products;
    Matrix value;      // C x P
    Matrix rca;        // C x P
    Matrix mcp;        // C x P, 0/1
    Vector diversity;  // C
    Vector ubiquity;   // P
    Vector eci;        // C, z-scored
    Vector pci;        // P, normalised with ECI's mean and standard deviation
    Matrix proximity;  // P x P, symmetric, unit diagonal
    Matrix density;    // C x P
    Vector coi;        // C, z-scored
    Matrix cog;        // C x P
};

// values: locations x products (non-negative, finite). The work is done on the sparse presence
// matrix: no P x P matrix but the proximity is formed, and no dense P x P eigen-decomposition
// above 800 products.
ComplexityResult complexity(const std::vector<std::string>& locations,
                            const std::vector<std::string>& products,
                            const Matrix& values,
                            const ComplexityOptions& options = {});

// The building blocks, shared with the other indicators.
// RCA (location quotient); a location or product with a total of 0 gets 0.
Matrix rca_matrix(const Matrix& values);
SparseMatrix presence_sparse(const Matrix& mcp);
// (M'M): the number of locations where both products are present (diagonal: ubiquity).
Matrix co_occurrence(const SparseMatrix& m);
// py-ecomplexity's proximity: co-occurrence over the larger ubiquity, unit diagonal.
Matrix proximity_from_presence(const SparseMatrix& m, const Vector& ubiquity);

}  // namespace tandem::geo
