# Installation and packages. `cpack -G DEB` in the build folder makes the Debian package:
# eikona and eikona-cli, the sentencepiece module, the SD 1.5 configs, the desktop entry
# (reverse-DNS id org.eikona.Eikona; "Open with Eikona" on a PNG), AppStream metainfo, the
# icons in the hicolor sizes and as SVG, and the eikona-cli(1) man page.
include(GNUInstallDirs)

set(EIKONA_APP_ID "org.eikona.Eikona")
set(EIKONA_RELEASE_DATE "2026-12-02") # the metainfo's release and the man page's date

# Desktop integration (freedesktop.org): menu entry, software-centre data, icons.
install(FILES "${PROJECT_SOURCE_DIR}/installer/linux/${EIKONA_APP_ID}.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${PROJECT_SOURCE_DIR}/installer/linux/${EIKONA_APP_ID}.metainfo.xml" DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/icons/hicolor" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons")
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/${EIKONA_APP_ID}.svg" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")

# eikona-cli(1), from the program's own help; compressed as Debian's policy asks.
set(EIKONA_MAN_PAGE "${PROJECT_BINARY_DIR}/eikona-cli.1")
add_custom_command(
  OUTPUT "${EIKONA_MAN_PAGE}.gz"
  COMMAND "${CMAKE_COMMAND}" -DCLI=$<TARGET_FILE:eikona-cli> -DVERSION=${PROJECT_VERSION} -DDATE=${EIKONA_RELEASE_DATE}
          -DOUT=${EIKONA_MAN_PAGE} -P "${PROJECT_SOURCE_DIR}/installer/man_page.cmake"
  COMMAND gzip -9nf "${EIKONA_MAN_PAGE}"
  DEPENDS eikona-cli "${PROJECT_SOURCE_DIR}/installer/man_page.cmake"
  COMMENT "Writing the eikona-cli(1) man page"
  VERBATIM)
add_custom_target(eikona_man_page ALL DEPENDS "${EIKONA_MAN_PAGE}.gz")
install(FILES "${EIKONA_MAN_PAGE}.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

set(CPACK_PACKAGE_NAME "eikona")
set(CPACK_PACKAGE_VENDOR "Eikona")
set(CPACK_PACKAGE_CONTACT "Eikona maintainers <eikona@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "Eikona makes pictures with Stable Diffusion 1.5 on the artist's own computer: a desktop window with live previews, a job queue and a searchable gallery, in Greek and English, and eikona-cli for scripts. The recommended libopenblas0-openmp makes the engine's matrix products about 15 times faster than Debian's default reference BLAS.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Eikona")
set(CPACK_PACKAGE_EXECUTABLES "eikona" "Eikona")
set(CPACK_STRIP_FILES ON)

# Debian: the libraries the binaries link come from dpkg-shlibdeps (libtorch, Qt 6, oneDNN,
# sentencepiece, SQLite's Qt driver is a plugin so it is named here, with the other plugins
# the window loads at run time: the X11/Wayland platform, WebP/TIFF pictures).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "graphics")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, qt6-image-formats-plugins")
# Debian's default libblas.so.3 is the reference BLAS, ~15x slower for libtorch's matmuls;
# OpenBLAS (OpenMP flavour) takes it over through the alternatives system.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-openmp")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://eikona.org/")

# Untested here (no Windows or macOS machine): the settings a Windows installer (NSIS) and a
# macOS bundle would start from.
if(WIN32)
  set(CPACK_GENERATOR "NSIS;ZIP")
  set(CPACK_NSIS_DISPLAY_NAME "Eikona")
  set(CPACK_NSIS_PACKAGE_NAME "Eikona")
  set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/resources/icons/eikona.ico")
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin/eikona.exe")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_NSIS_CREATE_ICONS_EXTRA "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Eikona.lnk' '$INSTDIR\\\\bin\\\\eikona.exe'")
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
  set(CPACK_BUNDLE_NAME "Eikona")
  set(CPACK_BUNDLE_ICON "${PROJECT_SOURCE_DIR}/resources/icons/eikona.icns")
  set(CPACK_DMG_VOLUME_NAME "Eikona")
else()
  set(CPACK_GENERATOR "DEB;TGZ")
endif()
include(CPack)
