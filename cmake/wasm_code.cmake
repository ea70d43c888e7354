# Link options that decide how the wasm code runs, shared by the web module (src/app) and every
# wasm benchmark (bench/, tests/matcher), so that a benchmark times the code as the widget ships it.
# Measured when they were not shared: the records profile bench had its whole page loop inlined
# into main(), which V8 enters once and so never moved from its baseline compiler to its
# optimising one (wasm.profile_50000x40 median 461 ms with dlmalloc and Binaryen's defaults, 323 ms
# linked as below, the same run, interleaved; the widget's add_page was always its own function).
if(PM_WEB)
  set(PM_WASM_CODE_OPTIONS
    # Smaller than dlmalloc; the widget allocates little.
    -sMALLOC=emmalloc
    # Binaryen inlines functions of up to 8 nodes (-Oz's default: 2) into every caller: string
    # getters, iterator steps, ImMin... The deferred split (web/bundle/split-deferred.mjs) turns
    # each call between the two wasm modules into an import or table call, which V8 cannot inline:
    # the edit frame's CPU profile showed such calls to one-line helpers (issue 17).
    # A function with one caller is inlined into it only up to 2,000 nodes (Binaryen's default: any
    # size). Unbounded, pm_frame grew to 50 KB with ImGui::NewFrame and code only later frames run
    # inside it, so the deferred split could not move that code out of the first transfer
    # (measured: web.size.total.gzip 219.1 -> 214.3 KB), and V8 compiles a function whole on its
    # first call, on the main thread; a loop inlined into a function entered once never gets V8's
    # optimised code (wasm has no on-stack replacement).
    -sBINARYEN_EXTRA_PASSES=--always-inline-max-function-size=8,--one-caller-inline-max-function-size=2000)
endif()
