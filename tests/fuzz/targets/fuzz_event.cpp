// The matchmaking event (JSON exchange format), and its JSON written back.
#include "tandem/schedule/event.hpp"

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    tandem::fuzz::expect_clean([&] {
        const auto event = tandem::schedule::parse_event(text, "event.json");
        (void)tandem::schedule::event_json(event);
    });
    return 0;
}
