// Organisations, groups and places an article defines in its own words: an acronym given in
// brackets ("the Organisation for the Prohibition of Chemical Weapons (OPCW)"), a name followed
// by what it is ("Save Our Syria, a grouping of humanitarian organisations,", "Douma, a town
// east of Damascus,"), and agencies named as speakers ("the World Food Programme said").

import type { EntityType } from '../dataset-types';
import { NOT_NAME_WORDS, ORG_WORDS } from './roles';

export interface OrgFinding {
  name: string;
  acronym: string | null;
  type: EntityType;
  start: number;
  end: number;
  role: { start: number; end: number } | null;
}

const CAP = "\\p{Lu}[\\p{L}'\\u2019.&-]*";
const LINK = '(?:of|for|the|and|on|de|du|al|in)';
// Links may chain: "Organisation for the Prohibition of …".
const NAME = `${CAP}(?:\\s+(?:${CAP}|${LINK}(?:\\s+${LINK})?(?=\\s+\\p{Lu})))*`;
const ACRONYM = new RegExp(`(${NAME})\\s+\\((\\p{Lu}[\\p{Lu}\\d&-]{1,9})\\)`, 'gu');
const DEFINED = new RegExp(
  `(?:^|[\\s(\\u201C"])(${NAME})(?:\\s+\\(\\p{Lu}[\\p{Lu}\\d&-]{1,9}\\))?,\\s+((?:a|an)\\s+(?:[\\p{Ll}-]+\\s+){0,3}?(group|grouping|coalition|alliance|militia|faction|network|organi[sz]ation|charity|agency|movement|umbrella group|monitor|monitoring group)\\b[^,.;()\\u201C\\u201D"]{0,120})`,
  'gu',
);
// "Douma, a town east of Damascus," / "al-Bab, a city in northern Syria,": a place and what it is.
const PLACE_DEFINED = new RegExp(
  `(?:^|[\\s(])(${NAME}|(?:al|el)-\\p{Lu}[\\p{L}-]*),\\s+((?:a|an|the)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(?:town|city|village|district|neighbou?rhood|province|region|suburb|camp|port|capital)\\b[^,.;()\\u201C\\u201D"]{0,80})`,
  'gu',
);
const AGENCY_SPEAKER = new RegExp(`(?:^|[.;:]\\s+|\\b[Tt]he\\s+)(${NAME})\\s+(?:said|says|reported|warned|announced|told)\\b`, 'gu');
const AGENCY_HEADS = /(?:Agency|Programme|Program|Ministry|Office|Organi[sz]ation|Watch|Committee|Commission|Fund|Observatory|Crescent|Cross|Council|Department|Network|Institute|Foundation|Federation|Service|Army|Front|Forces|Brigades?|Movement|Coalition|Alliance|Society)$/;
// Institutions news prose names by one word and quotes as speakers: "the Kremlin said".
const SINGLE_WORD_INSTITUTIONS = /^(?:Kremlin|Pentagon|Elysee|Élysée|Vatican)$/;
const GROUP_WORDS = /^(?:group|grouping|coalition|alliance|militia|faction|movement|umbrella group)$/;

function trimName(name: string, start: number): { name: string; start: number } {
  let n = name;
  let s = start;
  for (;;) {
    const m = /^(\p{Lu}\p{Ll}*)\s+/u.exec(n);
    if (!m || !(NOT_NAME_WORDS.has(m[1]!) || m[1] === 'The')) break;
    n = n.slice(m[0].length);
    s += m[0].length;
  }
  return { name: n, start: s };
}

export function findOrganisations(text: string, start: number, end: number): OrgFinding[] {
  const body = text.slice(start, end);
  const out: OrgFinding[] = [];
  for (const m of body.matchAll(ACRONYM)) {
    const t = trimName(m[1]!, start + m.index);
    if (t.name.split(/\s+/).length < 2) continue;
    const initials = t.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    // The acronym must be made of the name's capitals (allowing a dropped or extra letter): no "(AFP)" after a headline.
    const acronym = m[2]!;
    const common = [...acronym].filter((c) => initials.includes(c)).length;
    if (common < acronym.length - 1) continue;
    out.push({ name: t.name, acronym, type: 'organization', start: t.start, end: t.start + t.name.length, role: null });
  }
  for (const m of body.matchAll(DEFINED)) {
    const nameStart = start + m.index + m[0].indexOf(m[1]!);
    const t = trimName(m[1]!, nameStart);
    const words = t.name.split(/\s+/);
    if (words.length < 2 || words.every((w) => NOT_NAME_WORDS.has(w))) continue;
    const roleText = m[2]!.replace(/\s+$/, '');
    const roleStart = start + m.index + m[0].indexOf(m[2]!);
    out.push({
      name: t.name,
      acronym: null,
      type: GROUP_WORDS.test(m[3]!) ? 'group' : 'organization',
      start: t.start,
      end: t.start + t.name.length,
      role: { start: roleStart, end: roleStart + roleText.length },
    });
  }
  for (const m of body.matchAll(PLACE_DEFINED)) {
    const nameStart = start + m.index + m[0].indexOf(m[1]!);
    const t = trimName(m[1]!, nameStart);
    if (t.name === '' || NOT_NAME_WORDS.has(t.name)) continue;
    const roleText = m[2]!.replace(/\s+$/, '');
    const roleStart = start + m.index + m[0].indexOf(m[2]!);
    out.push({ name: t.name, acronym: null, type: 'place', start: t.start, end: t.start + t.name.length, role: { start: roleStart, end: roleStart + roleText.length } });
  }
  for (const m of body.matchAll(AGENCY_SPEAKER)) {
    const nameStart = start + m.index + m[0].indexOf(m[1]!);
    const t = trimName(m[1]!, nameStart);
    const words = t.name.split(/\s+/);
    if (!(words.length >= 2 && AGENCY_HEADS.test(t.name) && words.some((w) => ORG_WORDS.has(w))) && !SINGLE_WORD_INSTITUTIONS.test(t.name)) continue;
    out.push({ name: t.name, acronym: null, type: 'organization', start: t.start, end: t.start + t.name.length, role: null });
  }
  return out;
}
