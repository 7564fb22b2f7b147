// A brief's scenario file (TOML).
#include "tandem/brief/brief.hpp"

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = tandem::fuzz::work_folder() / "scenario.toml";
    tandem::fuzz::write_file(file, {reinterpret_cast<const char*>(data), size});
    tandem::fuzz::expect_clean([&] { (void)tandem::brief::read_scenario(file); });
    return 0;
}
