// Files added in the options page: .txt as is, .md without its markup, .html as its article
// text; other kinds and oversized files refused with the file named.
import { describe, expect, it } from 'vitest';
import { draftFromFile, fileTooLarge, fromMarkdown, MAX_FILE_BYTES } from '../../dom/file-text';

const parse = (h: string) => new DOMParser().parseFromString(h, 'text/html');

describe('article files', () => {
  it('takes .txt as it is, titled after the file', () => {
    expect(draftFromFile('harbour_vote.txt', 'Line one.\n\nLine two.', parse)).toEqual({
      ok: true,
      draft: { title: 'harbour vote', outlet: '', author: '', published: '', url: null, text: 'Line one.\n\nLine two.' },
    });
  });

  it('strips Markdown and takes the first heading as the title', () => {
    expect(fromMarkdown('# The vote\n\nThe **council** voted, said [Jane Roe](https://x.example).\n\n- one\n- two\n\n> quoted')).toEqual({
      title: 'The vote',
      text: 'The council voted, said Jane Roe.\n\none two\n\nquoted',
    });
  });

  it('reads an .html file as text only: markup and scripts never become text or run', () => {
    const r = draftFromFile('page.html', '<title>T</title><p>Hello <img src=x onerror="alert(1)"><b>world</b></p><script>alert(2)</script>', parse);
    expect(r).toMatchObject({ ok: true, draft: { title: 'T', text: 'Hello world' } });
  });

  it('refuses other kinds and a 100 MB file, naming the file', () => {
    expect(draftFromFile('notes.pdf', '%PDF', parse)).toEqual({ ok: false, error: 'notes.pdf: only .txt, .md and .html files can be added as articles' });
    expect(fileTooLarge('big.html', 100 * 1024 * 1024)).toBe('big.html: 100 MB is larger than the library takes (20 MB); nothing was added.');
    expect(fileTooLarge('ok.txt', MAX_FILE_BYTES)).toBeNull();
  });
});
