# asl_value_tests: asl::Value, its JSON reader and writer.
asl_add_test_exe(asl_value_tests
  ${CMAKE_CURRENT_LIST_DIR}/value_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_reader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_writer_test.cpp
)
target_link_libraries(asl_value_tests PRIVATE asl_runtime)
