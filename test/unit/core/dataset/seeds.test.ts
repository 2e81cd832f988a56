// The two seed articles against a hand annotation of every quote mark in them.

import { describe, expect, it } from 'vitest';
import { isApostrophe } from '../../../../core/dataset/quote-marks';
import { buildReal, realRegistry } from './helpers';
import { AFP, SEED_ANNOTATIONS, VOA } from './seed-annotations';

const result = buildReal();
const dataset = result.dataset!;
const textOf = (id: string): string => dataset.sources.find((s) => s.id === id)!.text;

describe('seed articles', () => {
  it('build without errors', () => {
    expect(result.errors).toEqual([]);
    expect(dataset).not.toBeNull();
  });

  for (const source of [AFP, VOA]) {
    it(`${source}: every quote mark is in a quote or deliberately excluded`, () => {
      const text = textOf(source);
      const findings = result.findings.get(source)!;
      const marks = new Set<number>();
      for (const f of findings) {
        marks.add(f.span.open);
        if (f.span.closed) marks.add(f.span.end - 1);
      }
      const unexplained: string[] = [];
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        const isMark = '\u201C\u201D"\u2018'.includes(c) || ((c === "'" || c === '\u2019') && !isApostrophe(text, i));
        if (isMark && !marks.has(i)) unexplained.push(`${i}: …${text.slice(Math.max(0, i - 30), i + 30)}…`);
      }
      expect(unexplained).toEqual([]);
      // Every finding is either a dataset quote or excluded, never both.
      const ids = new Set(dataset.quotes.filter((q) => q.source === source).map((q) => q.start));
      for (const f of findings) expect(ids.has(f.start)).toBe(f.excluded === null);
    });

    it(`${source}: every quote matches the hand annotation`, () => {
      const text = textOf(source);
      const findings = result.findings.get(source)!;
      const expected = SEED_ANNOTATIONS[source]!;
      const got = findings.map((f) => {
        const words = text.slice(f.start, f.end);
        const a = expected.find((x) => words.startsWith(x.text));
        return { words: words.slice(0, 50), expected: a ? (a.excluded ? `excluded:${a.excluded}` : a.speaker) : 'NOT ANNOTATED', got: f.excluded ? `excluded:${f.excluded}` : f.speaker };
      });
      expect(got.filter((g) => g.expected !== g.got)).toEqual([]);
      // …and nothing annotated was missed.
      for (const a of expected) expect(findings.some((f) => text.slice(f.start, f.end).startsWith(a.text)), a.text).toBe(true);
    });
  }

  it('gives every entity the description the sources state', () => {
    const desc = Object.fromEntries(dataset.entities.map((e) => [e.id, e.description?.text ?? null]));
    expect(desc).toMatchObject({
      'vitaly-churkin': 'Russian Ambassador to the UN',
      'samantha-power': 'US Ambassador to the UN',
      'matthew-rycroft': 'British Ambassador to the UN',
      'ban-ki-moon': 'UN Secretary-General',
      'francois-delattre': 'French ambassador',
      'walid-mouallem': 'Syrian Foreign Minister',
      'rami-abdel-rahman': 'heads the Britain-based Syrian Observatory for Human Rights',
      'bashar-al-assad': 'Syrian President',
      'white-helmets': 'Syrian Civil Defense group',
      unicef: "The U.N.'s children's agency",
      aleppo: "the country's largest city",
    });
    // Every role the sources state, newest source first (AFP is dated after VOA).
    const ban = dataset.entities.find((e) => e.id === 'ban-ki-moon')!;
    expect(ban.roles.map((c) => [c.source, c.text])).toEqual([[AFP, 'UN Secretary-General'], [VOA, 'U.N. Secretary-General']]);
    const assad = dataset.entities.find((e) => e.id === 'bashar-al-assad')!;
    expect(assad.roles.map((c) => [c.source, c.text])).toEqual([[AFP, 'Syrian President'], [VOA, 'President']]);
  });

  it("takes people's roles from the text, not from the registry", () => {
    const people = realRegistry().entities.filter((e) => e.type === 'person');
    expect(people.length).toBeGreaterThan(5);
    for (const p of people) {
      expect(p.description ?? null, p.id).toBeNull();
      expect(p.references ?? [], p.id).toEqual([]);
      const entity = dataset.entities.find((e) => e.id === p.id)!;
      expect(entity.roles.length, p.id).toBeGreaterThan(0);
      expect(entity.description).toEqual(entity.roles[0]);
    }
  });

  it('covers the entities the issue asks for', () => {
    const ids = dataset.entities.map((e) => e.id);
    for (const id of [
      'vitaly-churkin', 'samantha-power', 'matthew-rycroft', 'ban-ki-moon', 'francois-delattre', 'bashar-al-assad',
      'walid-mouallem', 'rami-abdel-rahman', 'white-helmets', 'unicef', 'un-security-council',
      'syrian-observatory-for-human-rights', 'save-our-syria', 'al-nusra-front', 'hezbollah', 'islamic-state',
      'syrian-arab-army', 'aleppo', 'al-qaterji', 'ansari', 'al-mashhad',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('extracts the reported speech and key facts per entity', () => {
    const has = (entity: string, start: string): boolean =>
      dataset.statements.some((s) => s.entity === entity && s.text.startsWith(start));
    expect(has('ban-ki-moon', 'UN Secretary-General Ban Ki-moon has also warned the use of advanced weaponry against civilians could amount to war crimes')).toBe(true);
    expect(dataset.statements.find((s) => s.entity === 'francois-delattre')?.text).toBe(
      'French ambassador Francois Delattre said the atrocities must not go unpunished.',
    );
    expect(has('unicef', 'UNICEF said it would expand emergency water deliveries by truck in response.')).toBe(true);
    expect(has('unicef', "The U.N.'s children's agency said in a statement")).toBe(true);
    expect(has('unicef', 'In retaliation, the group said a second pumping station was switched off.')).toBe(true);
    expect(has('syrian-observatory-for-human-rights', 'The Syrian Observatory said at least 25 people were killed Saturday.')).toBe(true);
    expect(has('vitaly-churkin', 'Churkin again laid blame for the failed diplomacy with the US')).toBe(true);
    expect(has('rami-abdel-rahman', 'Rami Abdel Rahman, who heads the Britain-based Syrian Observatory')).toBe(true);
    expect(has('aleppo', "Aleppo, the country's largest city, has been divided")).toBe(true);
    expect(has('us-european-allies', 'The allies maintained their commitment')).toBe(true);
    expect(has('united-nations', 'The United Nations said intense airstrikes')).toBe(true);
    // A sentence that is mostly a direct quote is left to the quote.
    expect(dataset.statements.some((s) => s.entity === 'samantha-power')).toBe(false);
    // Nobody in the registry is "Residents", "Witnesses" or "A civil defense worker".
    expect(dataset.statements.some((s) => /^(Residents|Witnesses|A civil defense worker) said/.test(s.text))).toBe(false);
  });

  it('records mentions everywhere an entity appears, weak aliases only after a strong one', () => {
    const at = (source: string, entity: string): string[] =>
      dataset.mentions.filter((m) => m.source === source && m.entity === entity).map((m) => textOf(source).slice(m.start, m.end));
    expect(at(AFP, 'ban-ki-moon')).toEqual(['Ban Ki-moon', 'Ban']);
    expect(at(AFP, 'samantha-power')).toEqual(['Samantha Power']); // "world powers" is not her
    expect(at(AFP, 'francois-delattre')).toEqual(['Francois Delattre']);
    expect(at(VOA, 'rami-abdel-rahman')).toEqual(['Rami Abdel Rahman', 'Rahman']);
    expect(at(VOA, 'bashar-al-assad')).toEqual(['Bashar al-Assad', 'Assad']);
    expect(at(VOA, 'white-helmets')).toEqual(['Syrian Civil Defense', 'White Helmets', 'Syrian Civil Defense', 'White Helmets']);
  });

  it('keeps every card-visible text verbatim at its offsets', () => {
    const check = (x: { source: string; start: number; end: number; text: string }): void => {
      expect(textOf(x.source).slice(x.start, x.end)).toBe(x.text);
    };
    dataset.quotes.forEach(check);
    dataset.statements.forEach(check);
    for (const e of dataset.entities) {
      if (e.description) check(e.description);
      e.citations.forEach(check);
    }
  });
});
