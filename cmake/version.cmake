# The release version has one home: "version" in the top-level package.json
# (the file npm, pre-commit and `npm version` read). CMake, the binary's
# --version, the reports and the npm tarballs all take it from there.
file(READ ${CMAKE_CURRENT_LIST_DIR}/../package.json psm_package_json)
string(JSON PSM_VERSION GET "${psm_package_json}" version)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${CMAKE_CURRENT_LIST_DIR}/../package.json)
