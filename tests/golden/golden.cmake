# Golden tests: every --emit stage of the samples and the diagnostics of a broken definition,
# compared byte for byte with the files in tests/golden/.
function(asl_golden name golden expectExit)
  add_test(NAME golden.${name}
    COMMAND ${CMAKE_COMMAND} "-DCOMMAND=$<TARGET_FILE:aslc>;${ARGN}" -DGOLDEN=${CMAKE_CURRENT_SOURCE_DIR}/golden/${golden}
            -DWORKDIR=${PROJECT_SOURCE_DIR} -DEXPECT_EXIT=${expectExit} -P ${CMAKE_CURRENT_SOURCE_DIR}/golden/check_golden.cmake)
endfunction()

asl_golden(order-processing.ir order-processing.ir 0 compile samples/order-processing/order-processing.asl.json --emit ir)
asl_golden(shipping-quote.ir shipping-quote.ir 0 compile samples/jsonata/shipping-quote.asl.json --emit ir)
asl_golden(broken-order.human broken-order.validate.txt 1 validate --color never samples/broken/broken-order.asl.json)
asl_golden(broken-order.json broken-order.validate.json 1 validate --format json samples/broken/broken-order.asl.json)
asl_golden(malformed.human malformed.validate.txt 1 validate --color never tests/golden/malformed.asl.json)
