# Turns a text file into a C++ include holding it as a raw string literal, so data such as
# synonyms.txt is compiled into the library (wasm has no file system to read it from).
# Usage: cmake -DINPUT=file.txt -DOUTPUT=file.inc -DNAME=kSymbol -P embed_text.cmake
include(${CMAKE_CURRENT_LIST_DIR}/embed_strip_comments.cmake)
file(READ "${INPUT}" content)
pm_strip_comment_lines(content)
string(FIND "${content}" ")pm_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )pm_embed\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by embed_text.cmake; do not edit.\n"
  "constexpr std::string_view ${NAME} = R\"pm_embed(${content})pm_embed\";\n")
# Only touch the output when it changed, so unrelated rebuilds do not recompile its users.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
