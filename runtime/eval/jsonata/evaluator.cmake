# The JSONata evaluator and its standard library, in asl_runtime.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
target_sources(asl_runtime PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/jvalue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/evaluator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/evaluator_support.cpp
  ${CMAKE_CURRENT_LIST_DIR}/evaluator_operators.cpp
  ${CMAKE_CURRENT_LIST_DIR}/function_registry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/regex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_string.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_regex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_numeric.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_array.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_object.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_hof.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_datetime.cpp
  ${CMAKE_CURRENT_LIST_DIR}/datetime_format.cpp
  ${CMAKE_CURRENT_LIST_DIR}/format_number.cpp
  ${CMAKE_CURRENT_LIST_DIR}/integer_format.cpp
)
target_link_libraries(asl_runtime PRIVATE PkgConfig::PCRE2)
