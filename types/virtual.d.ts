// The matcher index, compiled from data/dataset.json at build time (see wxt.config.ts).
declare module 'virtual:factcard-index' {
  import type { CompiledIndex } from '../core/matcher';
  const index: CompiledIndex;
  export default index;
}
