// Hand annotation of every quote mark pair in the two seed articles: what the right answer
// is, decided by reading the articles (not by running the extractor).
//   speaker: entity id — a quote of that registry entity;
//   speaker: null     — a real quote whose speaker is not in the registry;
//   excluded: reason  — not a quote of anyone (names, scare quotes, captions, headings).

export interface Annotation {
  /** The quoted words (without marks), or their beginning. */
  text: string;
  speaker?: string | null;
  excluded?: string;
  why: string;
}

export const AFP = 'afp-2016-09-27-aleppo';
export const VOA = 'voa-2016-09-24-russia-truce';

export const SEED_ANNOTATIONS: Record<string, Annotation[]> = {
  [AFP]: [
    { text: 'barbarism', speaker: 'united-states', why: 'partial quote: "The US accused Moscow of “barbarism”"' },
    { text: 'What Russia is sponsoring and doing is not counterterrorism. It is barbarism', speaker: 'samantha-power', why: 'multi-sentence quote; "US Ambassador to the UN Samantha Power said"' },
    { text: 'It is difficult to deny that Russia', speaker: 'matthew-rycroft', why: 'title + name after the quote' },
    { text: 'a new hell', speaker: 'matthew-rycroft', why: '"…Rycroft said, adding that …"' },
    { text: 'work harder for an end to the nightmare', speaker: 'ban-ki-moon', why: '"Ban called on world powers to …" (weak alias after "Ban Ki-moon")' },
    { text: 'bringing peace is almost an impossible task now.', speaker: 'vitaly-churkin', why: '"Vitaly Churkin conceded that …"' },
    { text: 'sabotage by the moderate opposition', speaker: 'vitaly-churkin', why: '"he said" → subject of the previous sentence, Churkin' },
  ],
  [VOA]: [
    { text: 'White Helmets', excluded: 'caption', why: 'scare quote in a photo caption ("known as the “White Helmets,”")' },
    { text: 'extraordinary', speaker: 'us-european-allies', why: 'partial quote of the joint statement: "The United States and its European allies are urging Russia to take “extraordinary” steps"' },
    { text: 'The burden is on Russia', speaker: 'us-european-allies', why: '"the statement said" → the allies\' joint statement' },
    { text: 'appalled by the chilling military escalation', speaker: 'ban-ki-moon', why: '"Ban Ki-moon said Saturday he is …"' },
    { text: 'this a dark day for the global commitment', speaker: 'ban-ki-moon', why: '"Ban heaped criticism …, calling …"' },
    { text: 'send a clear message', speaker: 'ban-ki-moon', why: '"Ban also called on world powers to …"' },
    { text: 'the apparent systematic use', speaker: 'ban-ki-moon', why: 'same sentence' },
    { text: 'will not be tolerated.', speaker: 'ban-ki-moon', why: 'same sentence; "so-called" precedes bunker-buster, not this quote' },
    { text: 'permitted to bomb, starve and torture', speaker: 'save-our-syria', why: '"a grouping of Syrian humanitarian organizations warned" — named as Save Our Syria in the next sentence' },
    { text: 'Save Our Syria', excluded: 'name', why: 'the "Save Our Syria" organization: a quoted name' },
    { text: 'a guarantee is provided that Syrian civilians', speaker: 'save-our-syria', why: '"The statement said" → the statement from Save Our Syria' },
    { text: 'Fight against terrorism', speaker: 'walid-mouallem', why: "a quoted subheading whose words recur in Mouallem's quote just below it" },
    { text: 'not relent in their fight against terrorism.', speaker: 'walid-mouallem', why: '"the country\'s foreign minister said" — named in the next sentence' },
    { text: 'Our belief in victory', speaker: 'walid-mouallem', why: '"Syrian Foreign Minister Walid Mouallem told …"' },
    { text: 'earthquake-like tremors.', speaker: null, why: '"Residents said …" — unnamed residents' },
    { text: 'unprecedented.', speaker: 'rami-abdel-rahman', why: '"He called the raids …" → Rahman, subject of the previous sentence' },
    { text: 'worst fighting', speaker: null, why: '"Syrian opposition media called …" — not a registry speaker' },
  ],
};
