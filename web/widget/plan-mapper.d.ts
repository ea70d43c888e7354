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
  /** For a person: what happened and what to do, in the widget's language (as the panel shows it). */
  message: string;
  /** The message's catalog key ("api.unauthorized", …) when the panel's words came from one. */
  messageKey?: string;
  /** `during` in the widget's language. */
  duringText?: string;
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
  /** The accessible name of the widget's region landmark (and its canvas); "Field mapping" (in the widget's language) by default. */
  label?: string;
  /** The language of the widget's words: "en" (default) or "de" shipped; another (e.g. "pl") takes
   *  its plural rules and uses English for every key `strings` does not give. */
  lang?: string;
  /** The host's words for some or all keys, on top of the language's (then English). Unknown keys and
   *  placeholders the English message lacks are reported once to the console and skipped. */
  strings?: PlanMapperStrings;
  /** Allow one source column to feed several destination fields. */
  allowOneToMany?: boolean;
  /** "put" (default) replaces the plan; "patch" sends only the changed parts. */
  submitMethod?: 'put' | 'patch';
  /** After the plan loads, read the source sheet's rows (GET /sheets/{id}/records, page by page):
   *  the enum editor lists every value with its count (matched in one undo step), rows and review say
   *  what will not import, and the matcher weighs the whole column's values. On unless `false`. */
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

/** `<plan-mapper api-url="…" job-id="…" file-id="…" theme="dark" label="…" lang="de">`; set `token` or `getToken` from script:
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

// --- message keys (generated by tools/gen-message-types.mjs from src/ui/messages.json) ---
/** Plural forms by CLDR category (Intl.PluralRules): "other" is required; {count} is the number. */
export type PluralMessage = { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };
/** The widget's words by key (English shown): text with {placeholders}, or plural forms. A key given
 *  here replaces the language's message; placeholders must be ones the English message has. */
export interface PlanMapperStrings {
  /** Map fields */
  'header.title'?: string;
  /** job {id} */
  'header.job'?: string;
  /** file {id} */
  'header.file'?: string;
  /** Copy the plan as JSON */
  'header.copyPlan'?: string;
  /** Your mapping, edits included, as the JSON the widget would send. */
  'header.copyPlanTip'?: string;
  /** Loading the plan... */
  'header.loading'?: string;
  /** Use Flatfile's version */
  'header.useServer'?: string;
  /** Keep mine */
  'header.keepMine'?: string;
  /** Your plan stays here and is sent again with the next submit. */
  'header.keepMineTip'?: string;
  /** Stop reading */
  'header.stopReading'?: string;
  /** Keeps what was read so far; the panel works the same either way. */
  'header.stopReadingTip'?: string;
  /** You have unsaved edits from an earlier visit. */
  'header.draftOffered'?: string;
  /** Restore them */
  'header.restoreDraft'?: string;
  /** Discard */
  'header.discardDraft'?: string;
  /** {mapped} mapped {unmapped} unmapped {ignored} ignored */
  'header.counts'?: string;
  /** one: {count} required field missing | other: {count} required fields missing */
  'header.requiredMissing'?: PluralMessage;
  /** all required fields mapped */
  'header.allRequired'?: string;
  /** {count} suggested */
  'header.suggested'?: string;
  /** Mapped by plan-mapper when the plan loaded; accept or reject them (one by one on their rows). */
  'header.suggestedTip'?: string;
  /** Accept all suggested */
  'header.acceptAll'?: string;
  /** Reject all suggested */
  'header.rejectAll'?: string;
  /** Undo */
  'header.undo'?: string;
  /** Redo */
  'header.redo'?: string;
  /** Bulk actions */
  'header.bulk'?: string;
  /** Memory */
  'header.memory'?: string;
  /** Submitting... */
  'header.submitting'?: string;
  /** Review and submit */
  'header.review'?: string;
  /** Search fields (Ctrl+F) */
  'header.search'?: string;
  /** Accept suggestions at or above this score */
  'bulk.acceptAtScore'?: string;
  /** Accept suggestions scoring at least {percent}% */
  'bulk.acceptAtPercent'?: string;
  /** one: Accept {count} suggested mapping | other: Accept all {count} suggested mappings */
  'bulk.acceptAllSuggested'?: PluralMessage;
  /** one: Reject {count} suggested mapping | other: Reject all {count} suggested mappings */
  'bulk.rejectAllSuggested'?: PluralMessage;
  /** Do not import any unmapped column */
  'bulk.ignoreUnmapped'?: string;
  /** Reset to the server's plan */
  'bulk.reset'?: string;
  /** Clear all mappings */
  'bulk.clear'?: string;
  /** Unmapped */
  'chip.unmapped'?: string;
  /** Required missing */
  'chip.requiredMissing'?: string;
  /** Low confidence */
  'chip.lowConfidence'?: string;
  /** Changed */
  'chip.changed'?: string;
  /** Source column */
  'table.source'?: string;
  /** Samples */
  'table.samples'?: string;
  /** Destination field */
  'table.destination'?: string;
  /** Certainty */
  'table.certainty'?: string;
  /** Map {source} to... */
  'table.mapTo'?: string;
  /** Flatfile: {message} */
  'table.flatfile'?: string;
  /** confidence {percent}% */
  'table.confidence'?: string;
  /** by {who} */
  'table.by'?: string;
  /** chosen in this panel */
  'table.chosenHere'?: string;
  /** suggested */
  'table.suggested'?: string;
  /** suggested by plan-mapper when the plan loaded: accept it, or reject it to unmap */
  'table.suggestedTip'?: string;
  /** Accept */
  'table.accept'?: string;
  /** Reject */
  'table.reject'?: string;
  /** remembered */
  'table.remembered'?: string;
  /** Forget this */
  'table.forget'?: string;
  /** The memory no longer proposes this pair for this column; the mapping stays. */
  'table.forgetNote'?: string;
  /** one: {count} value | other: {count} values */
  'table.openValues'?: PluralMessage;
  /** source values without an option; expand the row to map them */
  'table.openValuesTip'?: string;
  /** for example {examples} */
  'table.forExample'?: string;
  /** type? */
  'table.typeWarning'?: string;
  /** edited */
  'table.edited'?: string;
  /** differs from the server's plan */
  'table.editedTip'?: string;
  /** Not mapped */
  'picker.notMapped'?: string;
  /** Do not import */
  'picker.ignore'?: string;
  /** Type to search destination fields */
  'picker.search'?: string;
  /** Suggested */
  'picker.suggested'?: string;
  /** All fields */
  'picker.allFields'?: string;
  /** No destination field matches. */
  'picker.noMatch'?: string;
  /** taken by {source} */
  'picker.takenBy'?: string;
  /** value */
  'enum.value'?: string;
  /** value without an option */
  'enum.valueWithoutOption'?: string;
  /** From */
  'destinations.from'?: string;
  /** required */
  'destinations.required'?: string;
  /** Unmap {field} */
  'destinations.unmap'?: string;
  /** Review changes */
  'review.title'?: string;
  /** Nothing differs from the server's plan; sending confirms it as it is. */
  'review.nothing'?: string;
  /** Values that will not import (from the file's rows): */
  'review.valueProblems'?: string;
  /** one: {count} required field has no source: the import will leave it empty. | other: {count} required fields have no source: the import will leave them empty. */
  'review.requiredMissing'?: PluralMessage;
  /** {text} (for example {examples}) */
  'review.withExamples'?: string;
  /** {field}: from {source} (was: {before}) */
  'review.line'?: string;
  /** {field}: from {source} (was: {before}) suggested by plan-mapper */
  'review.lineSuggested'?: string;
  /** nothing */
  'review.nothingSource'?: string;
  /** {field}: value mapping changed */
  'review.valuesChanged'?: string;
  /** {source}: not imported */
  'review.notImported'?: string;
  /** Send plan */
  'review.send'?: string;
  /** Keep editing */
  'review.keep'?: string;
  /** Keyboard */
  'keys.title'?: string;
  /** Close */
  'keys.close'?: string;
  /** Tab / Shift+Tab */
  'keys.tab'?: string;
  /** next or previous control */
  'keys.tabDoes'?: string;
  /** Arrow keys */
  'keys.arrows'?: string;
  /** move between rows and controls */
  'keys.arrowsDo'?: string;
  /** Enter or Space */
  'keys.enter'?: string;
  /** activate; open a drop-down */
  'keys.enterDoes'?: string;
  /** Typing in a drop-down */
  'keys.typing'?: string;
  /** search the destination fields; Enter takes the first */
  'keys.typingDoes'?: string;
  /** Escape */
  'keys.escape'?: string;
  /** close a drop-down or dialog */
  'keys.escapeDoes'?: string;
  /** Ctrl+F */
  'keys.find'?: string;
  /** search fields */
  'keys.findDoes'?: string;
  /** Ctrl+Z */
  'keys.undo'?: string;
  /** undo */
  'keys.undoDoes'?: string;
  /** Ctrl+Shift+Z or Ctrl+Y */
  'keys.redo'?: string;
  /** redo */
  'keys.redoDoes'?: string;
  /** Ctrl+Enter */
  'keys.review'?: string;
  /** review and submit; then Enter sends */
  'keys.reviewDoes'?: string;
  /** F1 or ? */
  'keys.help'?: string;
  /** this help */
  'keys.helpDoes'?: string;
  /** Mapping memory */
  'memory.title'?: string;
  /** Nothing is remembered for this schema yet. */
  'memory.empty'?: string;
  /** {count} remembered for this schema. */
  'memory.count'?: string;
  /** left unmapped */
  'memory.leftUnmapped'?: string;
  /** {field} (rejected) */
  'memory.rejected'?: string;
  /** one: {count} import, {date} | other: {count} imports, {date} */
  'memory.uses'?: PluralMessage;
  /** Remove */
  'memory.remove'?: string;
  /** Clear */
  'memory.clear'?: string;
  /** Copy as JSON */
  'memory.export'?: string;
  /** Import from clipboard */
  'memory.import'?: string;
  /** Nothing changed. */
  'say.nothingChanged'?: string;
  /** {changes}. */
  'say.change'?: string;
  /** one: {shown} of {count} source column shown. | other: {shown} of {count} source columns shown. */
  'say.rowsShown'?: PluralMessage;
  /** No source is mapped to {field}. */
  'say.noSourceFor'?: string;
  /** No source value was given. */
  'say.noValueGiven'?: string;
  /** no value */
  'say.noValue'?: string;
  /** Value {value} of {field} set to {option}. */
  'say.valueSet'?: string;
  /** one: {count} unmapped column set to Do not import. | other: {count} unmapped columns set to Do not import. */
  'say.ignoredUnmapped'?: PluralMessage;
  /** Back to the server's plan: {changes}. */
  'say.backToServer'?: string;
  /** one: {count} mapping cleared. | other: {count} mappings cleared. */
  'say.cleared'?: PluralMessage;
  /** Suggestions are not ready yet. */
  'say.suggestionsNotReady'?: string;
  /** The score must be between 0.5 and 1. */
  'say.scoreRange'?: string;
  /** one: {count} suggestion accepted. | other: {count} suggestions accepted. */
  'say.suggestionsAccepted'?: PluralMessage;
  /** one: {count} suggested mapping accepted. | other: {count} suggested mappings accepted. */
  'say.suggestedAccepted'?: PluralMessage;
  /** one: {count} suggested mapping rejected. | other: {count} suggested mappings rejected. */
  'say.suggestedRejected'?: PluralMessage;
  /** Unknown bulk action. */
  'say.unknownBulk'?: string;
  /** {source} mapped to {destination} */
  'say.mapped'?: string;
  /** {source} unmapped from {destination} */
  'say.unmapped'?: string;
  /** {source} will not be imported */
  'say.willNotImport'?: string;
  /** {source} will be imported */
  'say.willImport'?: string;
  /** {source} is not mapped */
  'say.isNotMapped'?: string;
  /** values of {destination} changed */
  'say.valuesChanged'?: string;
  /** and {count} more */
  'say.andMore'?: string;
  /** The action could not be read. */
  'say.unreadable'?: string;
  /** The plan is not loaded yet. */
  'say.notLoaded'?: string;
  /** Unknown source column. */
  'say.unknownSource'?: string;
  /** Unknown destination field. */
  'say.unknownDestination'?: string;
  /** That mapping is not a suggestion. */
  'say.notSuggestion'?: string;
  /** Accepted: {source} to {destination}. */
  'say.accepted'?: string;
  /** Rejected: {source} to {destination}. */
  'say.rejected'?: string;
  /** No source is mapped to that field. */
  'say.noSourceMapped'?: string;
  /** Nothing to undo. */
  'say.nothingToUndo'?: string;
  /** Nothing to redo. */
  'say.nothingToRedo'?: string;
  /** Undid: {changes}. */
  'say.undid'?: string;
  /** Redid: {changes}. */
  'say.redid'?: string;
  /** The search text is too long. */
  'say.searchTooLong'?: string;
  /** Unknown filter. */
  'say.unknownFilter'?: string;
  /** Sending the plan... */
  'say.sending'?: string;
  /** Unknown action. */
  'say.unknownAction'?: string;
  /** Field mapping */
  'mirror.region'?: string;
  /** Flatfile's version */
  'mirror.flatfileVersion'?: string;
  /** Keep my version */
  'mirror.keepMine'?: string;
  /** Edits from an earlier visit */
  'mirror.draftGroup'?: string;
  /** Restore the earlier edits */
  'mirror.restoreDraft'?: string;
  /** Discard the earlier edits */
  'mirror.discardDraft'?: string;
  /** Mapping actions */
  'mirror.toolbar'?: string;
  /** Keyboard shortcuts */
  'mirror.keyboard'?: string;
  /** Tab and Shift+Tab: the header buttons, the search, the filters, the source grid, the destination grid. */
  'mirror.keys1'?: string;
  /** In a grid: Up and Down arrows move by row, Page Up and Page Down by 10 rows, Ctrl+Home and Ctrl+End to the first and last row. */
  'mirror.keys2'?: string;
  /** In a grid: Left and Right arrows, Home and End move between the cells of a row. */
  'mirror.keys3'?: string;
  /** In a destination box: type to filter the fields; Alt+Down or Enter opens the list; Up, Down and Enter choose; Escape closes. */
  'mirror.keys4'?: string;
  /** Bulk actions: Enter or Down opens the menu; Up, Down and Enter run an action; Escape closes. */
  'mirror.keys5'?: string;
  /** In the review: Enter sends the plan, Escape keeps editing. */
  'mirror.keys6'?: string;
  /** In the visual panel: Ctrl+F searches, Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes, Ctrl+Enter opens the review, F1 or ? shows the keys. */
  'mirror.keys7'?: string;
  /** Search fields */
  'mirror.search'?: string;
  /** Filters */
  'mirror.filters'?: string;
  /**  (key {key}) */
  'mirror.keyDetail'?: string;
  /** , not imported */
  'mirror.notImported'?: string;
  /** , edited */
  'mirror.edited'?: string;
  /** , suggested by plan-mapper */
  'mirror.suggestedMark'?: string;
  /** no samples */
  'mirror.noSamples'?: string;
  /** Destination for {source} */
  'mirror.destinationFor'?: string;
  /** remembered */
  'mirror.remembered'?: string;
  /** type warning: {warning} */
  'mirror.typeWarning'?: string;
  /** will not import: {problem} */
  'mirror.willNotImport'?: string;
  /** set here */
  'mirror.setHere'?: string;
  /** Forget this: {reason} */
  'mirror.forget'?: string;
  /** Accept {source} to {destination} */
  'mirror.acceptSuggested'?: string;
  /** Reject {source} to {destination} */
  'mirror.rejectSuggested'?: string;
  /** Values of {field} */
  'mirror.valuesOf'?: string;
  /** one: {count} value without an option | other: {count} values without an option */
  'mirror.openValues'?: PluralMessage;
  /** {field} value {value} */
  'mirror.enumValue'?: string;
  /** No value */
  'mirror.noValue'?: string;
  /** Source columns */
  'mirror.sourceColumns'?: string;
  /** Destination fields */
  'mirror.destinationFields'?: string;
  /** required */
  'mirror.requiredCell'?: string;
  /** optional */
  'mirror.optionalCell'?: string;
  /** nothing */
  'mirror.fromNothing'?: string;
  /** Changes */
  'mirror.changes'?: string;
  /** Values that will not import */
  'mirror.valueProblems'?: string;
  /** Problem: {message} */
  'mirror.problem'?: string;
  /** {mapped} mapped{suggested}, {unmapped} unmapped, {ignored} ignored; {missing}. */
  'mirror.counts'?: string;
  /** , {count} suggested by plan-mapper */
  'mirror.countsSuggested'?: string;
  /** No rows match. */
  'mirror.noRows'?: string;
  /** , required */
  'mirror.required'?: string;
  /** , {score}% match */
  'mirror.score'?: string;
  /** {count} more fields match; type to narrow the list. */
  'mirror.moreMatch'?: string;
  /** one: Plan loaded: {count} source column, {mapped} mapped. | other: Plan loaded: {count} source columns, {mapped} mapped. */
  'mirror.loaded'?: PluralMessage;
  /** The import has started. */
  'mirror.importStarted'?: string;
  /** Problem while {during}: {message} */
  'mirror.error'?: string;
  /** Show mapping memory */
  'mirror.memoryShow'?: string;
  /** Hide mapping memory */
  'mirror.memoryHide'?: string;
  /** Remembered pairs */
  'mirror.memoryPairs'?: string;
  /** Clear memory */
  'mirror.memoryClear'?: string;
  /** Export memory */
  'mirror.memoryExport'?: string;
  /** Import memory */
  'mirror.memoryImport'?: string;
  /** Memory as JSON */
  'mirror.memoryJson'?: string;
  /** "{header}" to {field} */
  'mirror.memoryPair'?: string;
  /** "{header}" to {field}, rejected */
  'mirror.memoryPairRejected'?: string;
  /** "{header}" left unmapped */
  'mirror.memoryUnmapped'?: string;
  /** one: {what}: {count} import, last on {date}. | other: {what}: {count} imports, last on {date}.  */
  'mirror.memoryUses'?: PluralMessage;
  /** Remove {what} */
  'mirror.memoryRemove'?: string;
  /** The memory is in the text box as JSON. */
  'mirror.memoryExported'?: string;
  /** Memory imported. */
  'mirror.memoryImported'?: string;
  /** Not imported: {message} */
  'memory.notImported'?: string;
  /** There are no edits from an earlier visit. */
  'app.draftNone'?: string;
  /** Flatfile did not save another version. */
  'app.noServerVersion'?: string;
  /** The file's rows are not being read. */
  'app.notReading'?: string;
  /** Reading the file was stopped. */
  'app.readingStopped'?: string;
  /** Edits from your earlier visit restored. */
  'app.draftRestored'?: string;
  /** Edits from your earlier visit discarded. */
  'app.draftDiscarded'?: string;
  /** The plan could not be read: {problem} */
  'app.planUnreadable'?: string;
  /** not a plan */
  'app.notAPlan'?: string;
  /** one: Checked the {count} row of the file. | other: Checked all {count} rows of the file. */
  'app.rowsChecked'?: PluralMessage;
  /** The file's rows could not be read, so only the preview values are used. */
  'app.rowsUnreadable'?: string;
  /** The plan changed since your earlier visit: edits about fields it no longer has were left out. */
  'app.draftPlanChanged'?: string;
  /** one: {count} mapping suggested by plan-mapper: accept or reject it. | other: {count} mappings suggested by plan-mapper: accept or reject them. */
  'app.suggestedApplied'?: PluralMessage;
  /** one: Checked the {count} row of the records given. | other: Checked all {count} rows of the records given. */
  'app.offlineRowsChecked'?: PluralMessage;
  /** one: Profiled the first row of the records given; the rest was over the limit. | other: Profiled the first {count} rows of the records given; the rest was over the limit. */
  'app.offlineRowsProfiled'?: PluralMessage;
  /** The records given could not be read ({error}), so only the preview values are used. */
  'app.offlineRowsUnreadable'?: string;
  /** Mapping memory ignored: {message} */
  'app.memoryIgnored'?: string;
  /** Saved. */
  'app.saved'?: string;
  /** Already saved: nothing changed since. */
  'app.alreadySaved'?: string;
  /** Plan saved. */
  'app.planSaved'?: string;
  /** Saved by Flatfile, with differences. */
  'app.savedWithDifferences'?: string;
  /** Using the plan Flatfile saved. */
  'app.usingServerPlan'?: string;
  /** Plan saved. Starting the import... */
  'app.startingImport'?: string;
  /** Plan saved. The import has started. */
  'app.importStarted'?: string;
  /** Signing in again... */
  'app.signingIn'?: string;
  /** Your plan is kept; submit to send it. */
  'app.planKept'?: string;
  /** The plan is on the clipboard as JSON. */
  'app.planCopied'?: string;
  /** Removed from the memory. */
  'app.memoryRemoved'?: string;
  /** The memory for this schema is empty. */
  'app.memoryEmptied'?: string;
  /** The memory is on the clipboard as JSON. */
  'app.memoryCopied'?: string;
  /** Imported. */
  'app.memoryImported'?: string;
  /** The memory request is not a JSON object. */
  'app.memoryNotObject'?: string;
  /** The mapping memory is off. */
  'app.memoryOff'?: string;
  /** No plan is loaded yet. */
  'app.noPlanYet'?: string;
  /** Nothing is remembered for {source}. */
  'app.nothingRemembered'?: string;
  /** That entry is not in the memory. */
  'app.notInMemory'?: string;
  /** Unknown memory request "{op}". */
  'app.unknownMemoryRequest'?: string;
  /** {label}, visual panel */
  'mirror.visualPanel'?: string;
  /** Required */
  'mirror.requiredColumn'?: string;
  /** (no value) */
  'enum.noValue'?: string;
  /** one: {count} row | other: {count} rows */
  'enum.rows'?: PluralMessage;
  /** absolute */
  'certainty.absolute'?: string;
  /** strong */
  'certainty.strong'?: string;
  /** moderate */
  'certainty.moderate'?: string;
  /** weak */
  'certainty.weak'?: string;
  /** key "{name}" */
  'match.atKey'?: string;
  /** label "{name}" */
  'match.atLabel'?: string;
  /** alias "{name}" */
  'match.atAlias'?: string;
  /** value "{name}" */
  'match.atValue'?: string;
  /** exact {where} */
  'match.exact'?: string;
  /** same as {where} after normalization */
  'match.normalized'?: string;
  /** synonym of {where}{lexicon} */
  'match.synonym'?: string;
  /** same words as {where}{lexicon} */
  'match.sameWords'?: string;
  /** acronym of {where} */
  'match.acronym'?: string;
  /** grammar: attribute {attribute}{details} of {where}{lexicon} */
  'match.grammar'?: string;
  /** , entity {words} */
  'match.grammarEntity'?: string;
  /** , index {index} */
  'match.grammarIndex'?: string;
  /** , qualifier {word} */
  'match.grammarQualifier'?: string;
  /** , meta qualifier */
  'match.grammarMeta'?: string;
  /**  (head first) */
  'match.grammarHeadFirst'?: string;
  /** fuzzy {whole}.{cents} with {where}{lexicon} */
  'match.fuzzy'?: string;
  /** no name in common */
  'match.noName'?: string;
  /**  ({items}) */
  'match.lexicon'?: string;
  /** {first}, {rest} */
  'match.list'?: string;
  /** {first}{rest} */
  'match.join'?: string;
  /** synonyms: {word} = {concept} */
  'match.lexiconSynonyms'?: string;
  /** lexicon {language}: {word} = {concept} */
  'match.lexiconLanguage'?: string;
  /** cognate {rule}: {word} = {concept} */
  'match.lexiconCognate'?: string;
  /** abbreviation prefix: {word} = {concept} */
  'match.abbreviationPrefix'?: string;
  /** abbreviation skeleton: {word} = {concept} */
  'match.abbreviationSkeleton'?: string;
  /** spelling neighbour: {word} = {concept} */
  'match.spellingNeighbour'?: string;
  /** the only unmapped column and field of their kind */
  'match.lastOfKind'?: string;
  /** values fit: {note} */
  'match.valuesFit'?: string;
  /** values contradict: {note} */
  'match.valuesContradict'?: string;
  /** values: {note} */
  'match.valuesColumn'?: string;
  /** other: {fitting} of {count} values are {kind}{lookLike} */
  'match.valuesOfKind'?: PluralMessage;
  /** other: {fitting} of {count} values are options of the field */
  'match.valuesOptions'?: PluralMessage;
  /**  (they look like {kind}) */
  'match.valuesLookLike'?: string;
  /** {percent}% {kind} in {rows}{lookLike} */
  'match.valuesShare'?: string;
  /** other: {fitting} of {count} common values are options of the field ({rows}) */
  'match.valuesCommonOptions'?: PluralMessage;
  /** email addresses */
  'match.kindEmail'?: string;
  /** web addresses */
  'match.kindUrl'?: string;
  /** phone numbers */
  'match.kindPhone'?: string;
  /** dates */
  'match.kindDate'?: string;
  /** numbers */
  'match.kindNumber'?: string;
  /** money amounts */
  'match.kindMoney'?: string;
  /** yes/no values */
  'match.kindBoolean'?: string;
  /** postal codes */
  'match.kindPostal'?: string;
  /** countries */
  'match.kindCountry'?: string;
  /** currency codes */
  'match.kindCurrency'?: string;
  /** words */
  'match.kindText'?: string;
  /** codes */
  'match.kindCode'?: string;
  /** remembered: "{header}" → {destination}, {imports}, last on {day} */
  'match.remembered'?: string;
  /** remembered: "{header}" left unmapped, {imports}, last on {day} */
  'match.rememberedUnmapped'?: string;
  /** one: {count} import | other: {count} imports */
  'match.imports'?: PluralMessage;
  /** {day} {month} */
  'match.day'?: string;
  /** {day} {month} {year} */
  'match.dayInYear'?: string;
  /** Jan */
  'match.monthJan'?: string;
  /** Feb */
  'match.monthFeb'?: string;
  /** Mar */
  'match.monthMar'?: string;
  /** Apr */
  'match.monthApr'?: string;
  /** May */
  'match.monthMay'?: string;
  /** Jun */
  'match.monthJun'?: string;
  /** Jul */
  'match.monthJul'?: string;
  /** Aug */
  'match.monthAug'?: string;
  /** Sep */
  'match.monthSep'?: string;
  /** Oct */
  'match.monthOct'?: string;
  /** Nov */
  'match.monthNov'?: string;
  /** Dec */
  'match.monthDec'?: string;
  /** one: {count} not a number | other: {count} not numbers */
  'values.notNumbers'?: PluralMessage;
  /** one: {count} not a date | other: {count} not dates */
  'values.notDates'?: PluralMessage;
  /** {count} not yes/no */
  'values.notYesNo'?: string;
  /** one: {count} not an option | other: {count} not options */
  'values.notOptions'?: PluralMessage;
  /** {count} not valid */
  'values.invalid'?: string;
  /** {count} blank */
  'values.blank'?: string;
  /** get job */
  'api.callGetJob'?: string;
  /** get plan */
  'api.callGetPlan'?: string;
  /** save plan */
  'api.callPutPlan'?: string;
  /** update plan */
  'api.callPatchPlan'?: string;
  /** run job */
  'api.callExecute'?: string;
  /** get the sheet */
  'api.callGetSheet'?: string;
  /** read the file's rows */
  'api.callGetRecords'?: string;
  /** Could not reach Flatfile. Check the network connection and try again. */
  'api.network'?: string;
  /** Flatfile did not answer in time. Try again. */
  'api.timeout'?: string;
  /** Cancelled. */
  'api.cancelled'?: string;
  /** Flatfile did not accept the request to {call}. */
  'api.badRequest'?: string;
  /** Your sign-in has expired or the API key is not valid. Sign in again. */
  'api.unauthorized'?: string;
  /** You do not have access to job {job}. Sign in with an account that has access. */
  'api.forbidden'?: string;
  /** Job {job} was not found. It may have been deleted, or the job id is wrong. */
  'api.notFound'?: string;
  /** You do not have access to the file's sheet {sheet}. */
  'api.sheetForbidden'?: string;
  /** The file's sheet {sheet} was not found. */
  'api.sheetNotFound'?: string;
  /** Flatfile took too long to answer ({call}). Try again. */
  'api.requestTimeout'?: string;
  /** Job {job} changed on the server meanwhile. Reload the plan and try again. */
  'api.conflict'?: string;
  /** Flatfile could not accept the plan. */
  'api.unprocessable'?: string;
  /** Flatfile is receiving too many requests. Wait a moment and try again. */
  'api.tooManyRequests'?: string;
  /** Flatfile had a problem on its side (HTTP {status}) and could not {call}. Try again in a few minutes. */
  'api.serverError'?: string;
  /** Flatfile answered the request to {call} with HTTP {status}. */
  'api.otherStatus'?: string;
  /** {message} Flatfile says: {details} */
  'api.serverSays'?: string;
  /** Flatfile's answer to the request to {call} could not be read. Try again; if it keeps happening, report it. */
  'api.unreadable'?: string;
  /** The API address cannot be used: {detail}. */
  'api.addressUnusable'?: string;
  /** The API address must use https:// (http:// only for a server on this computer, such as 127.0.0.1 or localhost), so the sign-in token is never sent unencrypted. */
  'api.addressInsecure'?: string;
  /** Refused to send a request: its address cannot be used ({detail}). */
  'api.refusedAddress'?: string;
  /** Refused to send a request to {target}: the sign-in token is sent only to {allowed}. */
  'api.refusedOrigin'?: string;
  /** This page uses a Flatfile secret key (sk_...). Anyone who can open the page can read it and act as your account. Give the page a short-lived access token from your server instead. */
  'api.secretKey'?: string;
  /** one: Reading the file: {count} row | other: Reading the file: {count} rows */
  'records.reading'?: PluralMessage;
  /** one: Reading the file: {rows} of {count} row | other: Reading the file: {rows} of {count} rows */
  'records.readingOf'?: PluralMessage;
  /** one: Reading the file stopped after {count} row: {error} | other: Reading the file stopped after {count} rows: {error} */
  'records.stoppedAfter'?: PluralMessage;
  /** Could not find the job's file: {error} */
  'records.couldNotFindFile'?: string;
  /** Could not read the file's columns: {error} */
  'records.couldNotReadColumns'?: string;
  /** Could not read the file's rows: {error} */
  'records.couldNotReadRows'?: string;
  /** The job does not name its source sheet, so only the preview values are used. */
  'records.noSourceSheet'?: string;
  /** one: Profiled the first {count} row of the file. | other: Profiled the first {count} rows of the file. */
  'records.profiledFirst'?: PluralMessage;
  /** one: Profiled the first {count} row of the file (the size limit was reached). | other: Profiled the first {count} rows of the file (the size limit was reached). */
  'records.profiledSizeLimit'?: PluralMessage;
  /** one: Reading the file was cancelled after {count} row. | other: Reading the file was cancelled after {count} rows. */
  'records.cancelledAfter'?: PluralMessage;
  /** Flatfile saved a plan that differs from the one you sent: {items}. Your plan is still shown here. */
  'differences.summary'?: string;
  /** {destination} was left unmapped (you mapped {source}) */
  'differences.leftUnmapped'?: string;
  /** {destination} was mapped from {source} */
  'differences.mappedFrom'?: string;
  /** {destination} is mapped from {source} instead of {before} */
  'differences.mappedInstead'?: string;
  /** {destination} differs */
  'differences.differs'?: string;
  /** {destination} has other value mappings or details */
  'differences.otherValues'?: string;
  /** {source} is mapped differently */
  'differences.sourceDiffers'?: string;
  /** and {count} more */
  'differences.andMore'?: string;
  /** There is no source column with the key {key}. */
  'session.unknownSource'?: string;
  /** There is no destination field with the key {key}. */
  'session.unknownDestination'?: string;
  /** The mapping's details must be an object. */
  'session.metadataNotObject'?: string;
  /** The value mappings must be an object. */
  'session.enumDetailsNotObject'?: string;
  /** {destination} is not mapped. */
  'session.notMapped'?: string;
  /** {destination} has no list of options. */
  'session.notEnum'?: string;
  /** A value must be text, a number or yes/no. */
  'session.badEnumValue'?: string;
  /** {value} is not an option of {destination}. */
  'session.notAnOption'?: string;
  /** one: {misfits} of {count} preview value does not look like a number | other: {misfits} of {count} preview values do not look like numbers */
  'insights.notNumbers'?: PluralMessage;
  /** one: {misfits} of {count} preview value does not look like yes/no | other: {misfits} of {count} preview values do not look like yes/no values */
  'insights.notYesNo'?: PluralMessage;
  /** one: {misfits} of {count} preview value does not look like a date | other: {misfits} of {count} preview values do not look like dates */
  'insights.notDates'?: PluralMessage;
  /** {source} is no longer remembered. */
  'app.forgotten'?: string;
  /** loading the plan */
  'app.duringLoad'?: string;
  /** submitting the plan */
  'app.duringSubmit'?: string;
  /** starting the import */
  'app.duringImport'?: string;
  /** reading the plan */
  'app.duringRead'?: string;
  /** {name}: {problems} */
  'values.summary'?: string;
  /** one: {invalid} of {count} value is not a number | other: {invalid} of {count} values are not numbers */
  'values.invalidNumbers'?: PluralMessage;
  /** one: {invalid} of {count} value is not a date | other: {invalid} of {count} values are not dates */
  'values.invalidDates'?: PluralMessage;
  /** one: {invalid} of {count} value is not yes/no | other: {invalid} of {count} values are not yes/no values */
  'values.invalidYesNo'?: PluralMessage;
  /** one: {invalid} of {count} value is not an option of the field | other: {invalid} of {count} values are not options of the field */
  'values.invalidOptions'?: PluralMessage;
  /** one: {invalid} of {count} value is not valid | other: {invalid} of {count} values are not valid */
  'values.invalidOther'?: PluralMessage;
  /** about {number} */
  'values.about'?: string;
  /** {count} blank in a required field */
  'values.blankRequired'?: string;
  /** one: {count} remembered pair proposed. | other: {count} remembered pairs proposed. */
  'app.memoryProposed'?: PluralMessage;
  /** reading the mapping memory */
  'app.duringMemory'?: string;
}
// --- end of message keys ---
