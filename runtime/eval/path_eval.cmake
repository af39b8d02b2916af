# JSONPath evaluation of asl_runtime; filters' =~ uses PCRE2 (Java-like regexes, anchored).
find_package(PkgConfig REQUIRED)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
target_sources(asl_runtime PRIVATE ${CMAKE_CURRENT_LIST_DIR}/path_eval.cpp)
target_link_libraries(asl_runtime PUBLIC PkgConfig::PCRE2)
