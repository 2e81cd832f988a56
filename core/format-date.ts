// Dates as the card shows them, shared by the card and the citation text copied from it.

// Made at the first date shown, not when the module loads: building an Intl.DateTimeFormat
// loads locale data (about 11 ms measured in Chromium), and the content script evaluates this
// module on every page at document_start, most of which never show a card.
let dateFormat: Intl.DateTimeFormat | undefined;

/** "2016-09-27" → "27 Sep 2016"; anything unparsable is shown as given. */
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  dateFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return dateFormat.format(d);
}
