# The Debian package, made by CPack from the install rules (`cpack -G DEB` in the build folder;
# tools/build_deb.sh does the whole thing: a portable build, the package, lintian, and a test on
# a clean Debian 12). docs/packaging.md says why CPack rather than a debian/ directory.
# Included by install.cmake.

# Debian's documentation files: /usr/share/doc/<package>/changelog.gz, in the Debian changelog
# format, made from CHANGELOG.md (one stanza per entry), and copyright (packaging/copyright).
set(ATTN_DEB_CHANGELOG "")
set(ATTN_DEB_STANZA_OPEN FALSE)
function(attn_rfc2822_date iso out)
  # Zeller's congruence: the day of the week of a yyyy-mm-dd date, without calling `date`.
  string(REGEX MATCH "^([0-9]+)-([0-9]+)-([0-9]+)$" unused "${iso}")
  math(EXPR y "${CMAKE_MATCH_1}")
  math(EXPR m "1${CMAKE_MATCH_2} - 100")  # "08" is not octal this way
  math(EXPR d "1${CMAKE_MATCH_3} - 100")
  set(month_index ${m})
  if(m LESS 3)
    math(EXPR m "${m} + 12")
    math(EXPR y "${y} - 1")
  endif()
  math(EXPR k "${y} % 100")
  math(EXPR j "${y} / 100")
  math(EXPR h "(${d} + (13 * (${m} + 1)) / 5 + ${k} + ${k} / 4 + ${j} / 4 + 5 * ${j}) % 7")
  set(days Sat Sun Mon Tue Wed Thu Fri)
  set(months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
  list(GET days ${h} day)
  math(EXPR month_index "${month_index} - 1")
  list(GET months ${month_index} month)
  string(REGEX MATCH "^([0-9]+)-([0-9]+)-([0-9]+)$" unused "${iso}")
  set(${out} "${day}, ${CMAKE_MATCH_3} ${month} ${CMAKE_MATCH_1} 12:00:00 +0000" PARENT_SCOPE)
endfunction()

# "  * item", wrapped at 78 columns with the continuation lines under the text, as Debian wants.
function(attn_wrap_item text out)
  string(REPLACE ";" "@SEMICOLON@" text "${text}")  # a ";" would split the list of words
  string(REGEX REPLACE " +" ";" words "${text}")
  set(result "")
  set(line "  *")
  foreach(word IN LISTS words)
    string(LENGTH "${line} ${word}" length)
    if(length GREATER 78 AND NOT line STREQUAL "  *" AND NOT line STREQUAL "   ")
      string(APPEND result "${line}\n")
      set(line "   ")
    endif()
    string(APPEND line " ${word}")
  endforeach()
  string(REPLACE "@SEMICOLON@" ";" result "${result}${line}\n")
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

set(ATTN_DEB_TRAILER "")
foreach(line IN LISTS ATTN_CHANGELOG_LINES)  # read by desktop.cmake
  if(line MATCHES "^## ([0-9]+\\.[0-9]+\\.[0-9]+) \\(([0-9]+-[0-9]+-[0-9]+)\\)$")
    set(version "${CMAKE_MATCH_1}")
    attn_rfc2822_date("${CMAKE_MATCH_2}" date)
    string(APPEND ATTN_DEB_CHANGELOG "${ATTN_DEB_TRAILER}"
           "attention-studio (${version}) stable; urgency=medium\n\n")
    set(ATTN_DEB_TRAILER "\n -- ${ATTN_MAINTAINER}  ${date}\n\n")
  elseif(ATTN_DEB_TRAILER AND line MATCHES "^- (.+)$")
    attn_wrap_item("${CMAKE_MATCH_1}" item)
    string(APPEND ATTN_DEB_CHANGELOG "${item}")
  endif()
endforeach()
string(REGEX REPLACE "\n\n$" "\n" ATTN_DEB_TRAILER "${ATTN_DEB_TRAILER}")
string(APPEND ATTN_DEB_CHANGELOG "${ATTN_DEB_TRAILER}")
# Through configure_file, which rewrites the file only when it changed: changelog.gz is remade
# only then.
file(WRITE "${PROJECT_BINARY_DIR}/packaging/changelog.new" "${ATTN_DEB_CHANGELOG}")
configure_file("${PROJECT_BINARY_DIR}/packaging/changelog.new"
               "${PROJECT_BINARY_DIR}/packaging/changelog" COPYONLY)
# gzip -9n: Debian wants compressed changelogs without a time stamp in the header.
find_program(ATTN_GZIP gzip REQUIRED)
add_custom_command(OUTPUT "${PROJECT_BINARY_DIR}/packaging/changelog.gz"
  COMMAND "${ATTN_GZIP}" -9nfk "${PROJECT_BINARY_DIR}/packaging/changelog"
  DEPENDS "${PROJECT_BINARY_DIR}/packaging/changelog" VERBATIM)
add_custom_target(attn_changelog ALL DEPENDS "${PROJECT_BINARY_DIR}/packaging/changelog.gz")
install(FILES "${PROJECT_BINARY_DIR}/packaging/changelog.gz" DESTINATION "${ATTN_DOC_INSTALL_DIR}")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME attention-studio)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "Attention Studio developers")
set(CPACK_PACKAGE_CONTACT "${ATTN_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "train attention models and see what they attend to")
# CPack puts the summary on the first line itself: the description is the rest.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Attention Studio trains and runs small attention models on the CPU and shows
what they attend to: which input words each output word looked at, every head
of a transformer, and the decoding step by step. It is made for teaching and
opens on bundled models already decoded.
.
It comes as a desktop application, attention-studio, and a command-line
program, attention-cli, which trains, evaluates and decodes the same models.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # attention-studio_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${ATTN_HOMEPAGE_URL}")
# The libraries the programs link come from dpkg-shlibdeps, run on the binaries; what it cannot
# see is added by hand: Qt's translations of its own dialogs, loaded at run time.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
