# The JSONata evaluator: its unit tests, and the JSONata test suite run through `aslc eval`.
add_executable(jsonata_suite_runner jsonata/jsonata_suite_runner.cpp)
asl_target_defaults(jsonata_suite_runner)
target_link_libraries(jsonata_suite_runner PRIVATE asl_runtime)
add_test(NAME jsonata.suite
  COMMAND jsonata_suite_runner --aslc $<TARGET_FILE:aslc>
          --suite ${CMAKE_CURRENT_SOURCE_DIR}/jsonata/suite
          --known-failures ${CMAKE_CURRENT_SOURCE_DIR}/jsonata/known-failures --jobs 2)
asl_add_test_exe(asl_jsonata_tests jsonata/jsonata_eval_test.cpp jsonata/jsonata_functions_test.cpp)
target_link_libraries(asl_jsonata_tests PRIVATE asl_lang asl_runtime)
target_include_directories(asl_jsonata_tests PRIVATE ${PROJECT_SOURCE_DIR})
