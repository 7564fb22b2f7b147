// From a symposium to the scheduler's event, and from a schedule to what people carry: each
// delegate's agenda (CSV, iCalendar, printable HTML) and the ushers' table list.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tandem/core/i18n.hpp"
#include "tandem/data/pdf.hpp"
#include "tandem/match/suggest.hpp"
#include "tandem/match/symposium.hpp"
#include "tandem/schedule/event.hpp"

namespace tandem::match {

struct EventOptions {
    int per_organisation = 6;  // top suggestions of each organisation turned into requests
    double min_score = 15.0;   // suggestions below are not requested
    double want_score = 45.0;  // suggestions from here are "want" (2), below "maybe" (1)
};

// The scheduler's event: every delegate a participant (unavailability kept; the delegates of
// one organisation attend together), explicit requests between organisations' first delegates
// with their priority, then each organisation's best suggestions. Notes say what was merged or
// left out.
schedule::Event make_event(const Symposium& symposium,
                           const std::vector<Suggestion>& suggestions,
                           const EventOptions& options = {});

struct AgendaOptions {
    i18n::Lang lang = i18n::Lang::kEn;  // of the pages, calendars, reasons and names
    bool pdf = false;                   // also print-ready PDFs (needs Chromium)
    data::PdfOptions pdf_options;
};

// Writes into `folder`: agendas.csv (every delegate's meetings), agendas.html (printable, one
// page per delegate), ics/<delegate>.ics (iCalendar), ushers.csv and ushers.html (slot x table
// grid); with pdf, agendas.pdf (the whole event), pdf/<delegate>.pdf (each delegate's pages)
// and ushers.pdf. Returns the files written.
std::vector<std::filesystem::path> write_agendas(const Symposium& symposium,
                                                 const schedule::Event& event,
                                                 const schedule::Schedule& schedule,
                                                 const std::vector<Suggestion>& suggestions,
                                                 const std::filesystem::path& folder,
                                                 const AgendaOptions& options = {});

}  // namespace tandem::match
