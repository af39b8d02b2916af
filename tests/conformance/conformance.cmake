# The conformance corpus, run against the built aslc by the project's own runner.
add_executable(conformance_runner conformance/conformance_runner.cpp)
asl_target_defaults(conformance_runner)
target_link_libraries(conformance_runner PRIVATE simdjson::simdjson)
add_test(NAME conformance.validate
  COMMAND conformance_runner --aslc $<TARGET_FILE:aslc>
          --corpus ${CMAKE_CURRENT_SOURCE_DIR}/conformance/corpus
          --known-failures ${CMAKE_CURRENT_SOURCE_DIR}/conformance/known-failures
          --kind validate --jobs 2 --min-localstack-agreement 99)
# Executions recorded against AWS, run with `aslc run --virtual-clock`; at least 95% must pass.
add_test(NAME conformance.execute
  COMMAND conformance_runner --aslc $<TARGET_FILE:aslc>
          --corpus ${CMAKE_CURRENT_SOURCE_DIR}/conformance/corpus
          --known-failures ${CMAKE_CURRENT_SOURCE_DIR}/conformance/known-failures
          --kind execute --jobs 2 --min-pass 95)
