// Types of the module factory Emscripten writes (plan-mapper-wasm.js, built from src/app/web), for
// the // @ts-check of plan-mapper.js. Not shipped: the module's surface is its pm_* exports, listed
// declared in src/app/web/wasm_interface.json (tests/web/wasm-interface.test.mjs checks the glue against it).
export default function createPlanMapperModule(options: {
  canvas: HTMLCanvasElement;
  planMapper: object;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
  /** Emscripten's hook to instantiate the wasm itself (plan-mapper.js checks its hash first). */
  instantiateWasm?: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
}): Promise<any>;
