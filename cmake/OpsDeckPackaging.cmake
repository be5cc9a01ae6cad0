# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later

# The Debian package (`tools/dev.sh package`: the package preset, then `cpack -G DEB`). Debian's documentation
# files go to /usr/share/doc/opsdeck, named by the package rather than by the CMake project.
set(OPSDECK_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/opsdeck)
install(FILES ${PROJECT_SOURCE_DIR}/resources/debian/copyright ${PROJECT_SOURCE_DIR}/docs/workspace-format.md
        DESTINATION ${OPSDECK_DOC_DIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/agent.md ${PROJECT_SOURCE_DIR}/docs/importing.md
        ${PROJECT_SOURCE_DIR}/docs/check-json.schema.json DESTINATION ${OPSDECK_DOC_DIR})
set(opsdeck_changelog_gz ${PROJECT_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${opsdeck_changelog_gz}
    COMMAND sh -c "gzip -9nc \"$1\" > \"$2\"" sh ${PROJECT_SOURCE_DIR}/resources/debian/changelog
            ${opsdeck_changelog_gz}
    DEPENDS ${PROJECT_SOURCE_DIR}/resources/debian/changelog
    VERBATIM)
add_custom_target(opsdeck_changelog ALL DEPENDS ${opsdeck_changelog_gz})
install(FILES ${opsdeck_changelog_gz} DESTINATION ${OPSDECK_DOC_DIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME opsdeck)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "OpsDeck authors")
set(CPACK_PACKAGE_CONTACT "OpsDeck authors <opsdeck@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "operations console for on-call engineers")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/opsdeck/opsdeck")
set(CPACK_PACKAGE_INSTALL_DIRECTORY opsdeck)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Run-time tools OpsDeck starts or needs beside the libraries dpkg-shlibdeps finds: the KDE syntax highlighter CLI
# (runbook commands), CJK fonts (the Korean UI), Qt's SQLite/PostgreSQL drivers and the offscreen/xcb platform
# plugins (loaded as plugins, so invisible to dpkg-shlibdeps).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libkf5syntaxhighlighting-tools, fonts-noto-cjk, libqt6sql6-sqlite, libqt6sql6-psql, qt6-qpa-plugins")
# Qt's own Korean strings for standard dialogs; a Secret Service keychain for `opsdeck secret`.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, gnome-keyring")
# The synopsis line is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
set(CPACK_PACKAGE_DESCRIPTION "OpsDeck turns a team's operations guide, written once as a YAML workspace
file, into a live console: KPI tiles with thresholds, time-series charts,
checklists whose ticks and sign-offs persist, an incident timeline, and
runbooks that run health checks and rollbacks over the network.
.
It reads Prometheus, Alertmanager, /metrics and JSON endpoints, keeps its
data in SQLite or a shared PostgreSQL database, and has an English and a
Korean user interface. The opsdeck command also checks, validates and runs
runbooks from a terminal.")
include(CPack)
