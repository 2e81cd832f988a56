// The mention matcher: compileIndex at build time, loadMatcher in the page, find per block,
// applyFirstReference across blocks. See README.md for the matching rules.

export { compileIndex, type CompiledIndex } from './compile';
export { loadMatcher } from './matcher';
export { applyFirstReference, keepsFirstReference } from './first-reference';
export { aliasEntriesFromDataset } from './dataset-aliases';
export { NAME_PREFIX_WORDS } from './context';
export { normalizeKey, normalizeExact } from '../normalize';
