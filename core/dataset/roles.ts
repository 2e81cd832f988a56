// The words of a role as news prose writes it ("British Ambassador to the UN", "Russia's
// Foreign Minister", "the State Department's spokesman") and what a role says about
// nationality, so that "the Russian foreign minister" never resolves to Syria's.

/** Head nouns of a role: a role phrase must contain one. */
export const TITLE_NOUNS = new Set(
  (
    'ambassador ambassadors minister ministers secretary secretary-general under-secretary-general ' +
    'undersecretary president vice-president premier chancellor spokesman spokeswoman spokesperson ' +
    'envoy chief head director director-general commander general colonel senator governor mayor ' +
    'chairman chairwoman chair leader official negotiator coordinator commissioner diplomat ' +
    'adviser advisor founder king queen prince emir sheikh representative delegate counterpart ' +
    'monitor researcher analyst correspondent mediator surgeon doctor professor activist journalist ' +
    'lawyer prosecutor judge commander-in-chief ' +
    // Occupations people are introduced by in news prose ("a trawler captain in the port").
    'captain officer soldier volunteer worker nurse engineer teacher farmer fisherman resident ' +
    'owner manager executive economist historian expert scientist editor reporter photographer ' +
    'medic paramedic pilot priest imam bishop trader banker lecturer student witness'
  ).split(' '),
);

/** Lower-case words that may stand inside a role before its head noun. */
const ROLE_MODIFIERS = new Set(
  (
    'foreign defense defence deputy senior former acting top special chief prime vice assistant ' +
    'permanent humanitarian military national security interior state regional executive political ' +
    'local opposition rebel government human rights aid relief un-appointed'
  ).split(' '),
);

/** Words joining a head noun to its complement: "Ambassador to the UN", "Secretary of State". */
const CONNECTORS = new Set(['to', 'of', 'for', 'on', 'at', 'the']);

/** Capitalised words that are never part of a role or a name (sentence openers, weekdays). */
export const NOT_NAME_WORDS = new Set(
  (
    'The A An At In On Of For To By From With As But And Or If When While After Before Since Until ' +
    'Then So Yet Although Though Because Meanwhile However Also Earlier Later Separately Still ' +
    'He She It They We You I His Her Its Their Our This That These Those There Here Some Many ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April ' +
    'June July August September October November December Feb Aug Sept Sep Oct Nov Dec ' +
    'Mr Mrs Ms Dr Amateur Another Relentless Residents Witnesses Dozens Special More Bomb FILE'
  ).split(' '),
);

/** Words that make a capitalised run an organisation or a place rather than a person. */
export const ORG_WORDS = new Set(
  (
    'Nations United States State Council Department Ministry Ministries Union Army Forces Force Front Group ' +
    'Observatory Agency Fund Committee Commission Office Organization Organisation Coalition ' +
    'Alliance Assembly Security General Human Rights Watch International Red Cross Crescent Civil ' +
    'Defense Defence News Press Agency Times Post Network Institute Center Centre University ' +
    'Government Administration House Kremlin Pentagon Parliament Congress Senate Party Movement ' +
    'Brigade Brigades Helmets Program Programme World Food Health Bank Court Association Syria Russia ' +
    'Aleppo Damascus Moscow Washington Geneva Britain France Germany Italy Iran Turkey Lebanon ' +
    'Europe European Islamic Arab Media Television TV Radio Airport Station Square Street Road Hospital ' +
    'Convention Summit Conference Talks Task Initiative Project Foundation Trust Society Institute ' +
    'Authority Authorities Directorate Service Services Corps Command Guard Guards Police'
  ).split(' '),
);

/** Nationality words → a country key. Possessives ("Russia's") are handled by stripping "'s". */
const NATIONALITY: Record<string, string> = {
  russian: 'russia', russia: 'russia', moscow: 'russia', kremlin: 'russia',
  syrian: 'syria', syria: 'syria', damascus: 'syria',
  us: 'us', 'u.s.': 'us', american: 'us', america: 'us', washington: 'us', 'united states': 'us',
  british: 'uk', britain: 'uk', uk: 'uk', 'u.k.': 'uk', london: 'uk',
  french: 'france', france: 'france', paris: 'france',
  german: 'germany', germany: 'germany', berlin: 'germany',
  italian: 'italy', italy: 'italy',
  iranian: 'iran', iran: 'iran', tehran: 'iran',
  turkish: 'turkey', turkey: 'turkey', ankara: 'turkey',
  chinese: 'china', china: 'china', beijing: 'china',
  lebanese: 'lebanon', lebanon: 'lebanon',
  israeli: 'israel', israel: 'israel',
  saudi: 'saudi-arabia', jordanian: 'jordan', jordan: 'jordan', egyptian: 'egypt', egypt: 'egypt',
  qatari: 'qatar', qatar: 'qatar', iraqi: 'iraq', iraq: 'iraq',
  un: 'un', 'u.n.': 'un', 'united nations': 'un',
  eu: 'eu', european: 'eu',
};

export function isTitleNoun(word: string): boolean {
  return TITLE_NOUNS.has(word.toLowerCase());
}

/** Can this word stand inside a role phrase (before or around its head noun)? */
export function isRoleWord(word: string): boolean {
  const w = word.replace(/['\u2019]s$/, '');
  const lower = w.toLowerCase();
  if (TITLE_NOUNS.has(lower) || ROLE_MODIFIERS.has(lower) || CONNECTORS.has(lower)) return true;
  if (NOT_NAME_WORDS.has(w)) return false;
  // Capitalised words and acronyms: "British", "UN", "U.N.", "State", "Department's".
  return /^[\p{Lu}][\p{L}.\-'\u2019]*$/u.test(word);
}

export function isConnector(word: string): boolean {
  return CONNECTORS.has(word.toLowerCase());
}

/** The countries a role names ("Russia's Foreign Minister" → russia). */
export function nationalitiesOf(role: string): Set<string> {
  const out = new Set<string>();
  const lower = role.toLowerCase().replace(/['\u2019]s\b/g, '');
  for (const multi of ['united states', 'united nations']) if (lower.includes(multi)) out.add(NATIONALITY[multi]!);
  for (const w of lower.split(/[\s\-]+/)) {
    const n = NATIONALITY[w];
    if (n) out.add(n);
  }
  return out;
}

/** The role's head nouns and modifiers, lower-case, without nationality and determiners. */
export function roleWords(role: string): string[] {
  return role
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .split(/[\s]+/)
    .map((w) => w.replace(/[^\p{L}\-.]/gu, ''))
    .filter((w) => w !== '' && !CONNECTORS.has(w) && !NATIONALITY[w] && w !== 'country' && w !== 'a' && w !== 'an');
}

/**
 * May a reference phrase ("the Russian foreign minister", "the country's foreign minister")
 * stand for someone whose stated role is `role`? Every word of the phrase must be in the role,
 * its head noun among them, and a nationality the phrase states must be the role's.
 */
export function referenceFits(phrase: string, role: string): boolean {
  const words = roleWords(phrase);
  if (words.length === 0 || !words.some((w) => TITLE_NOUNS.has(w))) return false;
  const have = new Set(roleWords(role).flatMap((w) => [w, ...w.split('-')]));
  if (!words.every((w) => have.has(w))) return false;
  const wanted = nationalitiesOf(phrase);
  if (wanted.size === 0) return true;
  const stated = nationalitiesOf(role);
  return [...wanted].every((n) => stated.has(n));
}
