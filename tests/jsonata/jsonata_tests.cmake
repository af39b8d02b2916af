# The JSONata evaluator: its unit tests, and the JSONata test suite run through `aslc eval`.
add_executable(jsonata_suite_runner jsonata/jsonata_suite_runner.cpp)
asl_target_defaults(jsonata_suite_runner)
target_link_libraries(jsonata_suite_runner PRIVATE asl_runtime)
add_test(NAME jsonata.suite
  COMMAND jsonata_suite_runner --aslc $<TARGET_FILE:aslc>
          --suite ${CMAKE_CURRENT_SOURCE_DIR}/jsonata/suite
          --known-failures ${CMAKE_CURRENT_SOURCE_DIR}/jsonata/known-failures --jobs 2)
