# Desktop integration (packaging/): the menu entry, the icon, the file types and the AppStream
# metainfo, installed where the freedesktop.org specifications put them. Included by install.cmake.
#
# CHANGELOG.md is the one place release notes are written: its newest entry must name the version
# of project(), and every entry becomes a <release> of the metainfo.

file(STRINGS "${PROJECT_SOURCE_DIR}/CHANGELOG.md" ATTN_CHANGELOG_LINES ENCODING UTF-8)
set(ATTN_METAINFO_RELEASES "")
set(ATTN_RELEASE_OPEN FALSE)
set(ATTN_NEWEST_RELEASE "")
foreach(line IN LISTS ATTN_CHANGELOG_LINES)
  if(line MATCHES "^## ([0-9]+\\.[0-9]+\\.[0-9]+) \\(([0-9]+-[0-9]+-[0-9]+)\\)$")
    if(ATTN_RELEASE_OPEN)
      string(APPEND ATTN_METAINFO_RELEASES "        </ul>\n      </description>\n    </release>\n")
    endif()
    if(NOT ATTN_NEWEST_RELEASE)
      set(ATTN_NEWEST_RELEASE "${CMAKE_MATCH_1}")
      set(ATTN_NEWEST_RELEASE_DATE "${CMAKE_MATCH_2}")
    endif()
    string(APPEND ATTN_METAINFO_RELEASES
           "    <release version=\"${CMAKE_MATCH_1}\" date=\"${CMAKE_MATCH_2}\">\n"
           "      <description>\n        <ul>\n")
    set(ATTN_RELEASE_OPEN TRUE)
  elseif(ATTN_RELEASE_OPEN AND line MATCHES "^- (.+)$")
    set(item "${CMAKE_MATCH_1}")
    string(REPLACE "&" "&amp;" item "${item}")
    string(REPLACE "<" "&lt;" item "${item}")
    string(REPLACE ">" "&gt;" item "${item}")
    string(APPEND ATTN_METAINFO_RELEASES "          <li>${item}</li>\n")
  endif()
endforeach()
if(ATTN_RELEASE_OPEN)
  string(APPEND ATTN_METAINFO_RELEASES "        </ul>\n      </description>\n    </release>")
endif()
if(NOT ATTN_NEWEST_RELEASE STREQUAL PROJECT_VERSION)
  message(FATAL_ERROR "CHANGELOG.md's newest entry is '${ATTN_NEWEST_RELEASE}', but project() says "
                      "${PROJECT_VERSION}: add a '## ${PROJECT_VERSION} (YYYY-MM-DD)' entry")
endif()

set(ATTN_METAINFO "${PROJECT_BINARY_DIR}/packaging/${ATTN_APP_ID}.metainfo.xml")
configure_file("${PROJECT_SOURCE_DIR}/packaging/${ATTN_APP_ID}.metainfo.xml.in" "${ATTN_METAINFO}"
               @ONLY)

if(TARGET attention-studio)
  set(pkg "${PROJECT_SOURCE_DIR}/packaging")
  install(FILES "${pkg}/${ATTN_APP_ID}.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
  install(FILES "${ATTN_METAINFO}" DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
  install(FILES "${pkg}/${ATTN_APP_ID}.mime.xml" DESTINATION "${CMAKE_INSTALL_DATADIR}/mime/packages"
          RENAME "${ATTN_APP_ID}.xml")
  set(icons "${CMAKE_INSTALL_DATADIR}/icons/hicolor")
  install(FILES "${pkg}/icons/${ATTN_APP_ID}.svg" DESTINATION "${icons}/scalable/apps")
  foreach(size 16 22 24 32 48 64 128 256 512)
    install(FILES "${pkg}/icons/${size}x${size}/${ATTN_APP_ID}.png"
            DESTINATION "${icons}/${size}x${size}/apps")
  endforeach()
endif()
