# JSONata lexer and parser of asl_lang.
target_sources(asl_lang PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/lexer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pratt.cpp
  ${CMAKE_CURRENT_LIST_DIR}/post_parse.cpp
)
