# asl_adapters: SigV4 against AWS's test vectors, the HTTP client and the faults it turns into
# task errors on loopback, AWS settings and the adapters file, task deadlines, the embedded
# queue (its durability included) and SNS, and callbacks. No external server needed.
asl_add_test_exe(asl_adapters_tests
  ${CMAKE_CURRENT_LIST_DIR}/sigv4_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_client_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/aws_settings_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/adapter_config_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/service_result_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/adapter_faults_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lambda_command_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/task_deadline_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/queue_store_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/queue_durability_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/embedded_services_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/callback_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/native_lambda_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/loopback_server.cpp
)
target_link_libraries(asl_adapters_tests PRIVATE asl_adapters)

# The producer the durability test kills mid-stream.
add_executable(asl_queue_producer ${CMAKE_CURRENT_LIST_DIR}/queue_producer.cpp)
asl_target_defaults(asl_queue_producer)
target_link_libraries(asl_queue_producer PRIVATE asl_adapters)
add_dependencies(asl_adapters_tests asl_queue_producer)

# Native Lambda handlers: a shared library with the C ABI of asl/adapter_c.h, plain C.
add_library(asl_native_lambda_fixture MODULE ${CMAKE_CURRENT_LIST_DIR}/native_lambda_fixture.c)
target_include_directories(asl_native_lambda_fixture PRIVATE ${PROJECT_SOURCE_DIR}/include)
add_dependencies(asl_adapters_tests asl_native_lambda_fixture)
target_compile_definitions(asl_adapters_tests PRIVATE
  ASL_QUEUE_PRODUCER_PATH="$<TARGET_FILE:asl_queue_producer>"
  ASL_NATIVE_FIXTURE_PATH="$<TARGET_FILE:asl_native_lambda_fixture>")

# The aws back ends against a real moto_server that the program starts on 127.0.0.1 and stops
# (tests/adapters/moto_server_env.h). One ctest entry, so that one server serves every test;
# it fails, never skips, when moto_server is missing.
add_executable(asl_adapters_moto_tests
  ${CMAKE_CURRENT_LIST_DIR}/moto_main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/moto_server_env.cpp
  ${CMAKE_CURRENT_LIST_DIR}/moto_adapters_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/loopback_server.cpp
)
asl_target_defaults(asl_adapters_moto_tests)
target_link_libraries(asl_adapters_moto_tests PRIVATE asl_adapters GTest::gtest)
if(ASL_BUILD_COMPILER)
  # End to end through aslc run and aslrun.
  target_sources(asl_adapters_moto_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/run_with_adapters_test.cpp)
  target_compile_definitions(asl_adapters_moto_tests PRIVATE
    ASL_ASLC_PATH="$<TARGET_FILE:aslc>" ASL_ASLRUN_PATH="$<TARGET_FILE:aslrun>")
  add_dependencies(asl_adapters_moto_tests aslc aslrun)
endif()
add_test(NAME adapters.moto COMMAND asl_adapters_moto_tests)
set_tests_properties(adapters.moto PROPERTIES TIMEOUT 180)

if(ASL_BUILD_COMPILER)
  # The embedded services, task deadlines and callbacks end to end through aslc: run, queue and
  # task, as a user's shell would use them. No external server needed.
  asl_add_test_exe(asl_adapters_cli_tests
    ${CMAKE_CURRENT_LIST_DIR}/cli_adapters_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/moto_server_env.cpp
    ${CMAKE_CURRENT_LIST_DIR}/loopback_server.cpp
  )
  target_link_libraries(asl_adapters_cli_tests PRIVATE asl_adapters)
  target_compile_definitions(asl_adapters_cli_tests PRIVATE ASL_ASLC_PATH="$<TARGET_FILE:aslc>")
  add_dependencies(asl_adapters_cli_tests aslc)
endif()

# The SQS back end against local-aws-sqs (npm), a second SQS server, started by the program on
# loopback. tools/dev.sh test installs the package into build/npm-servers; the test fails, never
# skips, when it is missing.
set(ASL_NPM_SERVERS_DIR "${PROJECT_SOURCE_DIR}/build/npm-servers" CACHE PATH
    "Where the npm servers the adapters' tests start are installed")
add_executable(asl_adapters_npm_tests
  ${CMAKE_CURRENT_LIST_DIR}/local_aws_sqs_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/moto_server_env.cpp
  ${CMAKE_CURRENT_LIST_DIR}/loopback_server.cpp
)
asl_target_defaults(asl_adapters_npm_tests)
target_link_libraries(asl_adapters_npm_tests PRIVATE asl_adapters GTest::gtest)
target_compile_definitions(asl_adapters_npm_tests PRIVATE
  ASL_SOURCE_DIR="${PROJECT_SOURCE_DIR}" ASL_NPM_SERVERS_DIR="${ASL_NPM_SERVERS_DIR}")
add_test(NAME adapters.npm COMMAND asl_adapters_npm_tests)
set_tests_properties(adapters.npm PROPERTIES TIMEOUT 120)
