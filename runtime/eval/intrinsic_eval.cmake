# Intrinsic-function evaluation of asl_runtime; States.Hash takes its digests from libcrypto.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
target_sources(asl_runtime PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/random_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_eval.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_failure.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_array.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_codec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_format.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_string.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intrinsic_math.cpp
)
target_link_libraries(asl_runtime PRIVATE OpenSSL::Crypto)
