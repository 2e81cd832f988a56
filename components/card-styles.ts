// The card's own styles, adopted into its closed shadow root. Sizes are in px so the page's
// root font size cannot shrink or blow up the card; colours follow prefers-color-scheme.
export const CARD_CSS = `
:host { all: initial; }
.wrap {
  --bg: #ffffff; --fg: #1d2430; --muted: #5b6472; --line: #dde2ea; --accent: #2f5d8a;
  --quote-bar: #c4cfdd; --chip: #eef2f7; --shadow: 0 8px 28px rgba(20, 30, 50, 0.18), 0 1px 3px rgba(20, 30, 50, 0.12);
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  width: max-content; max-width: min(380px, calc(100vw - 16px));
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); text-align: left; direction: ltr;
  animation: fc-in 120ms ease-out;
}
@media (prefers-color-scheme: dark) {
  .wrap { --bg: #1f242c; --fg: #e6e9ee; --muted: #a2abb8; --line: #363d48; --accent: #8cb8e8;
    --quote-bar: #4a5566; --chip: #2b323d; --shadow: 0 8px 28px rgba(0, 0, 0, 0.55); }
}
@media (prefers-reduced-motion: reduce) { .wrap { animation: none; } }
@keyframes fc-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.card {
  box-sizing: border-box; background: var(--bg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: var(--shadow); padding: 12px 14px 10px; max-height: min(440px, calc(100vh - 24px)); overflow: auto;
  overscroll-behavior: contain;
}
.arrow { position: absolute; width: 10px; height: 10px; background: var(--bg); transform: rotate(45deg);
  border: 1px solid var(--line); }
.arrow[data-side="bottom"] { border-right: none; border-bottom: none; }
.arrow[data-side="top"] { border-left: none; border-top: none; }
.arrow[data-side="left"] { border-left: none; border-bottom: none; }
.arrow[data-side="right"] { border-right: none; border-top: none; }
.head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.type { display: inline-block; font-size: 11px; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted); }
h2 { margin: 0 0 2px; font-size: 17px; line-height: 1.25; font-weight: 650; }
h3 { margin: 10px 0 4px; font-size: 11px; letter-spacing: 0.05em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
.close { all: unset; cursor: pointer; font-size: 18px; line-height: 18px; width: 22px; height: 22px; text-align: center;
  border-radius: 6px; color: var(--muted); }
.close:hover, .close:focus-visible { background: var(--chip); color: var(--fg); }
.desc { margin: 4px 0 0; }
.roles { margin: 2px 0 0; padding: 0; list-style: none; font-size: 13px; }
.roles .meta, .reason, .also { font-size: 11px; color: var(--muted); }
.reason { display: block; margin-top: 1px; font-style: italic; }
.who { font-weight: 600; }
.mentioned { margin: 2px 0 0; font-size: 13px; }
sup { font-size: 11px; margin-left: 3px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
a:focus-visible, button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; border-radius: 3px; }
.quote { margin: 6px 0 8px; padding: 0 0 0 10px; border-left: 3px solid var(--quote-bar); }
blockquote { margin: 0; font-style: italic; }
blockquote::before { content: "\\201C"; } blockquote::after { content: "\\201D"; }
figcaption { margin-top: 2px; font-size: 12px; color: var(--muted); }
figcaption [data-fc="quote-speaker"] { color: var(--fg); font-weight: 600; }
.links { display: inline-flex; gap: 8px; margin-left: 8px; }
.statements { margin: 0; padding-left: 16px; }
.statements li { margin: 2px 0 4px; }
.statements .src { font-size: 12px; }
.lib { display: inline-block; font-size: 10px; font-style: normal; line-height: 1.3; text-transform: uppercase; letter-spacing: 0.03em; padding: 0 4px; border-radius: 3px; border: 1px solid #2f7a4f; color: #2f7a4f; vertical-align: 1px; }
.more { all: unset; cursor: pointer; color: var(--accent); font-size: 12px; }
.related { display: flex; flex-wrap: wrap; gap: 4px; }
.chip { all: unset; cursor: pointer; font-size: 12px; padding: 2px 8px; border-radius: 999px; background: var(--chip); color: var(--fg); }
.chip:hover { outline: 1px solid var(--line); }
.foot { margin-top: 10px; padding-top: 6px; border-top: 1px solid var(--line); font-size: 11px; color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* Copy with citation: a quiet icon button on each quote and statement row, clearer on hover or focus of the row. */
.copy { display: inline-flex; flex-wrap: wrap; align-items: center; max-width: 100%; margin-inline-start: 4px; vertical-align: -2px; }
.links { flex-wrap: wrap; }
.copy-btn { all: unset; cursor: pointer; display: inline-flex; align-items: center; justify-content: center; gap: 4px;
  min-width: 20px; height: 20px; padding: 0 2px; border-radius: 4px; color: var(--muted); opacity: 0.5; font-size: 11px; }
.quote:hover .copy-btn, .statements li:hover .copy-btn, .copy-btn:hover, .copy-btn:focus-visible { opacity: 1; }
.copy-btn:hover { background: var(--chip); color: var(--fg); }
.copy-btn:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.copy-icon { display: block; flex: none; }
.copy-status { font-size: 11px; font-style: normal; color: #2f7a4f; }
.copy-status:not(:empty) { margin-inline-start: 4px; }
.copy-failed { color: #b3261e; white-space: normal; }
@media (prefers-color-scheme: dark) {
  .copy-status { color: #7fcf9f; }
  .copy-failed { color: #ff9b8f; }
}
`;
