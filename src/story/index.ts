// The story model's browser-safe API (load.ts, which reads files, is Node-only).
export { checkStory, suggestPlaceId, type CheckResult, type StoryCheckInput } from './check.ts';
export { formatDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
export { emptyPlaceTable, parsePlaces, placeNames, type PlaceTable } from './gazetteer.ts';
export { parseStory, type ParsedPassage, type ParsedStory } from './parse.ts';
export { resolveStory, type ResolveInput } from './resolve.ts';
export * from './schema.ts';
export { findUnlinkedMentions, type Suggestion } from './suggest.ts';
