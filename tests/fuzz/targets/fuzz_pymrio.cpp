// A pymrio folder (the test MRIO) with one of its files replaced by the input: the first byte
// chooses the file, the rest is its content.
#include <array>

#include "tandem/data/pymrio_format.hpp"

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr std::array<const char*, 10> kFiles = {"Z.txt",
                                                           "Y.txt",
                                                           "file_parameters.json",
                                                           "metadata.json",
                                                           "unit.txt",
                                                           "population.txt",
                                                           "emissions/F.txt",
                                                           "emissions/F_Y.txt",
                                                           "emissions/file_parameters.json",
                                                           "factor_inputs/unit.txt"};
    if (size == 0) {
        return 0;
    }
    const auto folder = tandem::fuzz::copy_template(TANDEM_FUZZ_PYMRIO_TEMPLATE, "pymrio");
    tandem::fuzz::write_file(folder / kFiles[data[0] % kFiles.size()],
                             {reinterpret_cast<const char*>(data + 1), size - 1});
    tandem::fuzz::expect_clean([&] { (void)tandem::data::read_pymrio(folder); });
    return 0;
}
