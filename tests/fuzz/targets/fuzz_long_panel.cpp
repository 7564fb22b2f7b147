// The long-panel reader (time, loc, prod, val) and each year's dense matrix.
#include "tandem/data/long_panel.hpp"

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = tandem::fuzz::work_folder() / "panel.csv";
    tandem::fuzz::write_file(file, {reinterpret_cast<const char*>(data), size});
    tandem::fuzz::expect_clean([&] {
        const auto panel = tandem::data::read_long_panel(file);
        for (std::size_t t = 0; t < panel.years(); ++t) {
            (void)panel.year_matrix(t, 100'000);
        }
    });
    return 0;
}
