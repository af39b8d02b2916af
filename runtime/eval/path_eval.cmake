# JSONPath evaluation and the JSONPath data-flow steps of asl_runtime. Filters match regular
# expressions with PCRE2.
find_package(PkgConfig REQUIRED)
pkg_check_modules(ASL_PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
target_sources(asl_runtime PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/path_eval.cpp
  ${CMAKE_CURRENT_LIST_DIR}/path_filter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/path_functions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/path_fields.cpp
  ${CMAKE_CURRENT_LIST_DIR}/result_path.cpp
)
target_link_libraries(asl_runtime PRIVATE PkgConfig::ASL_PCRE2)
