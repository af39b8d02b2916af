# The interpreter (runtime/vm) and its execution services (runtime/exec): programs are compiled
# from definition text with the front end, as `aslc run` does.
asl_add_test_exe(asl_vm_tests
  ${CMAKE_CURRENT_LIST_DIR}/executor_flow_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executor_errors_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executor_concurrency_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executor_distributed_map_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executor_timeout_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/history_golden_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hot_code_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/variables_history_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/variable_limits_test.cpp
)
target_link_libraries(asl_vm_tests PRIVATE asl_front asl_bytecode)

# The runtime-only executable runs what aslc compiles: the sample workflow through an .aslb
# module gives the same result as `aslc run`.
add_test(NAME aslrun.order_processing
  COMMAND sh -c "\"$1\" compile \"$3/order-processing.asl.json\" --emit bytecode -o order-processing.aslb && \"$2\" order-processing.aslb --input @\"$3/order.json\" --mock-config \"$3/MockConfigFile.json\" --test-case HappyPath --virtual-clock"
          aslrun_test $<TARGET_FILE:aslc> $<TARGET_FILE:aslrun> ${PROJECT_SOURCE_DIR}/samples/order-processing
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
set_tests_properties(aslrun.order_processing PROPERTIES PASS_REGULAR_EXPRESSION
  "\\{\"status\":\"SUCCEEDED\",\"output\":\\{\"orderId\":\"o-7731\",\"customer\":\"c-1001\",\"total\":36.0,\"status\":\"CREATED\"\\}\\}")

# The distributed Map sample end to end through both executables: CSV items from the folder
# standing for S3 (MaxItemsPath keeps 4 of its 5 rows, so D-9 never appears), batches of two,
# results exported next to it.
foreach(tool aslc aslrun)
  if(tool STREQUAL "aslc")
    set(program "\"$1\" run \"$3/restock.asl.json\"")
  else()
    set(program "\"$1\" compile \"$3/restock.asl.json\" --emit bytecode -o restock.aslb && \"$2\" restock.aslb --state-machine restock")
  endif()
  add_test(NAME ${tool}.distributed_map_sample
    COMMAND sh -c "rm -rf s3-${tool} && cp -R \"$3/s3\" s3-${tool} && ${program} --input @\"$3/input.json\" --s3-root s3-${tool} --virtual-clock && cat s3-${tool}/reports/restock/*/SUCCEEDED_0.json"
            distributed_map_test $<TARGET_FILE:aslc> $<TARGET_FILE:aslrun> ${PROJECT_SOURCE_DIR}/samples/distributed-map
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(${tool}.distributed_map_sample PROPERTIES
    PASS_REGULAR_EXPRESSION "\\{\"status\":\"SUCCEEDED\",\"output\":\\{\"MapRunArn\":\"arn:aws:states:us-east-1:123456789012:mapRun:restock/CheckStock:[0-9a-f-]+\",\"ResultWriterDetails\":\\{\"Bucket\":\"reports\",\"Key\":\"restock/[0-9a-f-]+/manifest.json\"\\}\\}\\}.*skus.*A-1.*skus.*B-7"
    FAIL_REGULAR_EXPRESSION "D-9")
endforeach()
