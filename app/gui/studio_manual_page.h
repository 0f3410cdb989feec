// attention-studio's manual page, written from the option table that --help prints
// (studio_options.h), so that the two cannot drift. The build runs
// `attention-studio --write-manual-page FILE DATE` (cmake/docs.cmake); --help does not list it.
#pragma once

#include <QString>

namespace attn::app {

inline constexpr const char* kWriteManualPage = "--write-manual-page";

// `date` (yyyy-mm-dd) is the release's, so that a rebuild writes the same page. Returns an error
// message, empty on success.
QString writeStudioManualPage(const QString& file, const QString& version, const QString& date);

}  // namespace attn::app
