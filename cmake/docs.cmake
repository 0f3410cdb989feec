# Manual pages and bash completion, written by the programs themselves from the option tables
# behind their --help (app/cli/manual_pages.h, app/gui/studio_manual_page.h), so that they always
# describe the program they ship with. Made by `cmake --build` (the `attn_manuals` target, part of
# "all"); the pages are gzipped as Debian wants them, which man reads on any system.
# Included by install.cmake, after desktop.cmake (ATTN_NEWEST_RELEASE_DATE).

set(ATTN_MAN_DIR "${PROJECT_BINARY_DIR}/man")
set(ATTN_COMPLETION "${PROJECT_BINARY_DIR}/completion/attention-cli")
set(write_studio_page "")
set(programs attention-cli)
if(TARGET attention-studio)
  set(write_studio_page COMMAND attention-studio --write-manual-page
                        "${ATTN_MAN_DIR}/attention-studio.1" "${ATTN_NEWEST_RELEASE_DATE}")
  list(APPEND programs attention-studio)
endif()
add_custom_command(
  OUTPUT "${ATTN_MAN_DIR}/attention-cli.1.gz" "${ATTN_COMPLETION}"
  COMMAND "${CMAKE_COMMAND}" -E rm -rf "${ATTN_MAN_DIR}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${ATTN_MAN_DIR}" "${PROJECT_BINARY_DIR}/completion"
  COMMAND attention-cli --write-manual-pages "${ATTN_MAN_DIR}" "${ATTN_NEWEST_RELEASE_DATE}"
  ${write_studio_page}
  COMMAND attention-cli --write-bash-completion "${ATTN_COMPLETION}"
  # gzip -n: no time stamp or name in the header, so the same pages give the same files.
  COMMAND sh -c "gzip -9nf '${ATTN_MAN_DIR}'/*.1"
  DEPENDS ${programs}
  COMMENT "Writing the manual pages and the bash completion from the programs' option tables"
  VERBATIM)
add_custom_target(attn_manuals ALL DEPENDS "${ATTN_MAN_DIR}/attention-cli.1.gz" "${ATTN_COMPLETION}")

install(DIRECTORY "${ATTN_MAN_DIR}/" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1"
        FILES_MATCHING PATTERN "*.1.gz")
install(FILES "${ATTN_COMPLETION}" DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")
