// The symposium file (organisations, delegates, programme, requests).
#include "tandem/match/symposium.hpp"

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = tandem::fuzz::work_folder() / "symposium.json";
    tandem::fuzz::write_file(file, {reinterpret_cast<const char*>(data), size});
    tandem::fuzz::expect_clean([&] { (void)tandem::match::read_symposium(file); });
    return 0;
}
