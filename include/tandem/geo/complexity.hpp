// Economic complexity with py-ecomplexity's exact conventions (Harvard Growth Lab,
// cid-harvard/py-ecomplexity v0.5.2): RCA, presence, diversity, ubiquity, ECI, PCI, proximity,
// density, COI, COG. shared/data/ecomplexity_reference/README.md spells the conventions out.
#pragma once

#include <string>
#include <vector>

#include "tandem/core/labels.hpp"

namespace tandem::geo {

enum class EigenMethod {
    kAuto,     // dense below 800 products, partial above
    kDense,    // symmetric dense eigen-decomposition (Eigen)
    kPartial,  // the two largest eigenpairs only (Spectra's Lanczos), matrix-free
};

struct ComplexityOptions {
    double rca_threshold = 1.0;  // presence: mcp = 1 where RCA >= threshold
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

// values: locations x products (non-negative, finite).
ComplexityResult complexity(const std::vector<std::string>& locations,
                            const std::vector<std::string>& products,
                            const Matrix& values,
                            const ComplexityOptions& options = {});

}  // namespace tandem::geo
