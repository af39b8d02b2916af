# Runs one command and compares its combined output with a golden file.
#   cmake -DCOMMAND="aslc;compile;..." -DGOLDEN=file -DWORKDIR=dir [-DEXPECT_EXIT=N] [-DUPDATE=1] -P check_golden.cmake
# With UPDATE=1 (or the environment variable ASL_UPDATE_GOLDEN=1) the golden file is rewritten.
execute_process(COMMAND ${COMMAND} WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
set(actual "${out}${err}")
if(NOT DEFINED EXPECT_EXIT)
  set(EXPECT_EXIT 0)
endif()
if(NOT code STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "exit status ${code}, expected ${EXPECT_EXIT}\n${actual}")
endif()
if(UPDATE OR "$ENV{ASL_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${GOLDEN} "${actual}")
  message(STATUS "updated ${GOLDEN}")
  return()
endif()
file(READ ${GOLDEN} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${GOLDEN}.actual "${actual}")
  execute_process(COMMAND diff -u ${GOLDEN} ${GOLDEN}.actual)
  message(FATAL_ERROR "output differs from ${GOLDEN} (actual output in ${GOLDEN}.actual; ASL_UPDATE_GOLDEN=1 to accept)")
endif()
