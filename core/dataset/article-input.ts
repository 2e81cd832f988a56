// One article as extraction takes it: its metadata and its text, exactly as received.

import type { SourceMeta } from './inputs';

export interface ArticleInput {
  meta: SourceMeta;
  text: string;
}
