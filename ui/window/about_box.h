// Help ▸ About: what a teacher quotes or a bug report needs. The version is CMake's project
// version, the build says how it was compiled, then the licence and the libraries it links.
#pragma once

#include <QString>

namespace attn::ui {

QString appVersion();  // "0.1.0", the project version of the top-level CMakeLists.txt
QString buildLine();   // "Release build · GNU 12.2.0 · Qt 6.4.2 (built with 6.4.2)"
QString aboutHtml();   // the whole box: name, version, build, licence, libraries

}  // namespace attn::ui
