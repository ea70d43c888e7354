// The records page reader for any RecordsSink; the reader is records_scanner_impl.h.
#include "core/profile/records_scanner.h"

#include "core/profile/records_scanner_impl.h"

namespace pm::profile {

std::string scan_records_page(std::string_view text, RecordsSink& sink) { return records_detail::scan_records(text, sink); }

}  // namespace pm::profile
