# Warnings for the project's own targets (not for third-party sources such as Dear ImGui).
function(pm_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
endfunction()
