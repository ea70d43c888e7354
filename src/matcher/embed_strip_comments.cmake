# Included by embed_text.cmake and embed_text_list.cmake: the data files' comment lines (a "#" in
# the first column, which SynonymTable::parse skips) are emptied before the text is compiled in.
# They name each entry's source for people reading the files; in the wasm they were about a third
# of the text, all of it in the first frame's download. The line breaks stay, so the line numbers
# in the parser's messages still match the files.
macro(pm_strip_comment_lines var)
  string(REGEX REPLACE "(^|\n)#[^\n]*" "\\1" ${var} "${${var}}")
endmacro()
