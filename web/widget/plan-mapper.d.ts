// Type declarations for plan-mapper.js, the embedding API of the plan-mapper widget.

/** A Flatfile job execution plan (JobExecutionPlan); members the widget does not model are kept. */
export interface ExecutionPlan {
  fieldMapping: Edge[];
  unmappedSourceFields: { sourceField: Property; preview?: string[]; [member: string]: unknown }[];
  unmappedDestinationFields: { destinationField: Property; preview?: string[]; [member: string]: unknown }[];
  programId?: string;
  [member: string]: unknown;
}

/** The detail of a change: the plan (built when one of its members is first read) with the
 *  revision it reached (one more for every edit, undo and redo) and its counts. */
export type PlanChange = ExecutionPlan & {
  revision: number;
  counts: { mapped: number; unmapped: number; ignored: number; edges: number; unmappedDestinations: number };
};

/** A field definition (Flatfile `Property`). */
export interface Property {
  key: string;
  type: string;
  label?: string;
  description?: string;
  [member: string]: unknown;
}

export type EnumValue = string | number | boolean;

export interface Edge {
  sourceField: Property;
  destinationField: Property;
  preview?: string[];
  metadata?: { certainty?: 'absolute' | 'strong' | 'moderate' | 'weak'; confidence?: number; source?: string; [member: string]: unknown };
  enumDetails?: {
    mapping: { sourceValue?: EnumValue; destinationValue?: EnumValue }[];
    unusedSourceValues?: EnumValue[];
    unusedDestinationValues?: EnumValue[];
  };
  [member: string]: unknown;
}

/** The `{data: {job, plan}}` answer of the plan endpoints, passed to onSubmit. */
export interface JobPlanResponse {
  data: { job: { id: string; status?: string; fileId?: string; [member: string]: unknown }; plan: ExecutionPlan };
}

export interface PlanMapperError {
  /** What the widget was doing: "loading the plan", "submitting the plan", … */
  during: string;
  /** For a person: what happened and what to do. */
  message: string;
  /** HTTP status when the server answered, else 0. */
  status: number;
  serverMessages: { key: string; message: string }[];
  problems: string[];
}

/** A mapping memory document (src/matcher/mapping_memory.h): what the widget learned for a schema.
 *  It holds source headers and keys, destination keys, counts, dates and rejections: never a
 *  sample value, never the token. Validated as a whole when read; a broken one is reported
 *  (onError, once) and ignored. */
export interface MappingMemoryDocument {
  format: 'plan-mapper-memory';
  version: 1;
  schemas: {
    /** "s1-" and 16 hex digits: the fingerprint of the destination keys and slug. */
    id: string;
    slug?: string;
    destinationKeys: string[];
    entries: {
      header: string;
      sourceKey?: string;
      /** "" for a column the person left unmapped. */
      destination: string;
      count: number;
      /** YYYY-MM-DD */
      lastUsed: string;
      rejected?: boolean;
      valuesMatchedNoOption?: boolean;
    }[];
  }[];
}

/** Where the mapping memory is kept, when the host keeps it (per user or organisation). */
export interface MappingMemoryStore {
  /** The stored document for a schema, its JSON text, or null for none. */
  load(schemaId: string): MappingMemoryDocument | string | null | undefined | Promise<MappingMemoryDocument | string | null | undefined>;
  /** Called after every change of the schema's memory (a plan confirmed, "Forget this", ...). */
  save(schemaId: string, memory: MappingMemoryDocument): void | Promise<void>;
}

/** An answer of the memory requests; list() adds `entries`, export() adds `memory`. */
export interface MappingMemoryAnswer {
  ok: boolean;
  message: string;
  [member: string]: unknown;
}

export interface PlanMapperOptions {
  /** Flatfile API base URL, e.g. "https://api.x.flatfile.com/v1" (`/v1` is appended when missing). */
  apiUrl?: string;
  /**
   * Origins the token may be sent to, written as `URL.origin` writes them ("https://api.x.flatfile.com",
   * "http://127.0.0.1:8080"). An `apiUrl` elsewhere makes mountPlanMapper reject before any request.
   * Default: Flatfile's public API origins (FLATFILE_API_ORIGINS) plus the page's own origin.
   */
  allowedApiOrigins?: readonly string[];
  /** Keep the person's decisions in localStorage until the server confirms them (default true). */
  drafts?: boolean;
  /** Days after which a kept draft is dropped unread (default 7). */
  draftTtlDays?: number;
  /**
   * The mapping memory: a second import of the same schema gets the pairs mapped before, marked
   * "remembered" with the reason. Default: this browser's localStorage, per schema. A store object
   * keeps it where the host decides; `false` turns the memory off.
   */
  memory?: false | MappingMemoryStore;
  jobId?: string;
  /** Read from the job when omitted. */
  fileId?: string;
  /** Bearer token; kept in memory only. */
  token?: string;
  /** Called for the first token when `token` is absent, and again once after a 401. */
  getToken?: () => string | Promise<string>;
  /** Start offline from this plan (or GET-plan response) instead of a GET. */
  plan?: ExecutionPlan | JobPlanResponse | null;
  /** With `plan`: the source rows, as GET /v1/sheets/{id}/records answers them, profiled as read
   *  rows would be (every enum value with its count, what will not import). Ignored without `plan`. */
  records?: {
    data: {
      records: Array<{
        id?: string;
        values: Record<string, { value?: string | number | boolean | null; valid?: boolean; messages?: unknown[] }>;
      }>;
    };
  } | null;
  theme?: 'light' | 'dark';
  /** The accessible name of the widget's region landmark (and its canvas); "Field mapping" by default. */
  label?: string;
  /** Allow one source column to feed several destination fields. */
  allowOneToMany?: boolean;
  /** "put" (default) replaces the plan; "patch" sends only the changed parts. */
  submitMethod?: 'put' | 'patch';
  /** After the plan loads, read the source sheet's rows (GET /sheets/{id}/records, page by page):
   *  the enum editor lists every value with its count, and rows and review say what will not import. */
  readRecords?: boolean;
  /** Run the job (POST execute) once the server has confirmed the plan. */
  executeOnSubmit?: boolean;
  /** Which of plan-mapper's suggestions are applied when the plan loads, marked "suggested" until
   *  accepted or rejected: those at or above the destination sheet's mappingConfidenceThreshold
   *  (else 0.9) ('confident', the default), every pair it proposes ('all'), or none. */
  autoApply?: 'confident' | 'all' | 'none';
  /** Exposes debugItems() and framesDrawn() on the controller, for tests. */
  testHooks?: boolean;
  /** Aborting it before the mount resolves rejects with an AbortError and leaves nothing in the
   *  container; aborting it later destroys the widget. */
  signal?: AbortSignal;
  onReady?: (detail: { jobId: string; sources: number; destinations: number; mapped: number; draftOffered: boolean;
    /** The schema the memory is kept for; null when the memory is off. */
    memory: { id: string; slug: string; destinationKeys: string[] } | null }) => void;
  /** After every edit, undo and redo. The detail says which revision of the plan this is and its
   *  counts at once; its plan members (fieldMapping, ...) are written from the widget when first
   *  read (read them in the handler for that very change; getPlan() for the plan now). */
  onChange?: (change: PlanChange) => void;
  onSubmit?: (result: JobPlanResponse) => void;
  onError?: (error: PlanMapperError) => void;
}

export interface PlanMapperController {
  /** The plan as it stands now (what a submit would send). */
  getPlan(): ExecutionPlan | null;
  /** Starts over from another plan; false when it cannot be read (onError says why). */
  setPlan(plan: ExecutionPlan | JobPlanResponse | string): boolean;
  submit(): void;
  undo(): boolean;
  redo(): boolean;
  /** Hands the widget a fresh token (kept in memory only); a request waiting for one goes on. */
  setToken(token: string): void;
  /** The mapping memory of the plan's schema (answers ok: false when the memory is off). */
  memory: {
    list(): MappingMemoryAnswer & { entries?: { header: string; sourceKey: string; destination: string; destinationLabel: string; count: number; lastUsed: string; rejected: boolean }[] };
    /** "Forget this" on the row of a source column the memory proposed. */
    forget(sourceKey: string): MappingMemoryAnswer;
    remove(header: string, destination: string): MappingMemoryAnswer;
    clear(): MappingMemoryAnswer;
    export(): MappingMemoryAnswer & { memory?: MappingMemoryDocument };
    import(memory: MappingMemoryDocument | string): MappingMemoryAnswer;
  };
  /** Only with `testHooks: true`. */
  debugItems?(): Record<string, [number, number, number, number]>;
  /** Only with `testHooks: true`. */
  framesDrawn?(): number;
  /** Only with `testHooks: true`: counters of the text runs (Arabic, Hebrew, Indic, Thai text laid out by the browser). */
  textRunStats?(): Promise<{ requested?: number; delivered?: number; failed?: number; drawn?: number; evicted?: number; pages?: number;
    page: { runs: number; slicesFetched: number; bytesFetched: number } | null }>;
  frameStats(): { frames: number; totalMs: number; lastMs: number; maxMs: number; firstFrameAt: number; heapBytes: number };
  /** Cost of the accessibility mirror's updates (checks that found nothing new are counted apart). */
  mirrorStats(): { checks: number; checkMs: number; updates: number; totalMs: number; lastMs: number; maxMs: number } | null;
  destroy(): void;
}

/** Flatfile's public API origins (the SDK's default host and the regional platform hosts). */
export const FLATFILE_API_ORIGINS: readonly string[];

/** Rejects with a TypeError naming the option when an option has the wrong type or value, with an
 *  Error (before any request) when `apiUrl` is not on `allowedApiOrigins`, with an AbortError when
 *  `signal` aborts first, and with an Error when the module cannot start (e.g. its wasm fails its
 *  integrity check). */
export function mountPlanMapper(container: HTMLElement, options?: PlanMapperOptions): Promise<PlanMapperController>;

/** `<plan-mapper api-url="…" job-id="…" file-id="…" theme="dark" label="…">`; set `token` or `getToken` from script:
 *  the element waits for one of them before its first request, and mounts again when an attribute changes. */
export class PlanMapperElement extends HTMLElement {
  token?: string;
  getToken?: () => string | Promise<string>;
  allowedApiOrigins?: readonly string[];
  controller: PlanMapperController | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-mapper': PlanMapperElement;
  }
}
