// One test per extraction rule, on seed sentences and on new prose a third article could
// contain (so that no rule is tuned to one sentence).

import { describe, expect, it } from 'vitest';
import { analyse, speakerOf } from './helpers';

describe('direct quotes: marks', () => {
  it('reads curly and straight double quotes alike', () => {
    expect(speakerOf('“We will keep working,” Churkin said.', 'We will keep')).toBe('vitaly-churkin');
    expect(speakerOf('"We will keep working," Churkin said.', 'We will keep')).toBe('vitaly-churkin');
  });

  it('keeps the words without marks and without a trailing comma, but with a final period', () => {
    const q = analyse('“What Russia is sponsoring and doing is not counterterrorism. It is barbarism,” US Ambassador to the UN Samantha Power said at the Sunday session.').quotes;
    expect(q.map((x) => x.text)).toEqual(['What Russia is sponsoring and doing is not counterterrorism. It is barbarism']);
    expect(analyse('Churkin said it was “an impossible task now.”').quotes[0]?.text).toBe('an impossible task now.');
  });

  it('treats single marks between letters as apostrophes, and ‘…’ as a quote', () => {
    const r = analyse("The U.N.'s children's agency said it would help. Churkin said the plan was ‘a dead end for everyone involved’ on Monday.");
    expect(r.quotes.map((x) => [x.text, x.speaker])).toEqual([['a dead end for everyone involved', 'vitaly-churkin']]);
  });

  it('runs an unclosed quote to the end of its paragraph (multi-paragraph quotes)', () => {
    const r = analyse('Rycroft said: “This is the first paragraph of a long statement.\n\n“And this is the second paragraph of it,” he said.');
    expect(r.quotes.map((x) => x.speaker)).toEqual(['matthew-rycroft', 'matthew-rycroft']);
  });
});

describe('speakers in the same sentence', () => {
  it('"X said" after the quote, with a title before the name', () => {
    expect(speakerOf('“It is difficult to deny that Russia is partnering with the Syrian regime to carry out war crimes,” British Ambassador to the UN Matthew Rycroft said, adding that the high-tech weaponry had inflicted “a new hell” on war-weary Syrians.', 'It is difficult')).toBe('matthew-rycroft');
  });

  it('", adding …" keeps the speaker of the clause before', () => {
    expect(speakerOf('“It is difficult to deny that Russia is partnering with the Syrian regime to carry out war crimes,” British Ambassador to the UN Matthew Rycroft said, adding that the high-tech weaponry had inflicted “a new hell” on war-weary Syrians.', 'a new hell')).toBe('matthew-rycroft');
  });

  it('"said X" (inverted)', () => {
    expect(speakerOf('“The council has failed the people of Aleppo,” said Rycroft, who spoke after the vote.', 'The council')).toBe('matthew-rycroft');
    expect(speakerOf('“We are ready to talk to anyone who wants peace,” said Russian Ambassador to the UN Vitaly Churkin.', 'We are ready')).toBe('vitaly-churkin');
  });

  it('"X, who …, told …" skips the relative clause', () => {
    const text = 'Rami Abdel Rahman, who heads the Britain-based Syrian Observatory for Human Rights, told reporters the toll was “the worst in months for the city.”';
    expect(speakerOf(text, 'the worst')).toBe('rami-abdel-rahman');
  });

  it('verb before the quote, with words between name and verb', () => {
    expect(speakerOf('U.N. Secretary-General Ban Ki-moon said Saturday he is "appalled by the chilling military escalation" in Aleppo.', 'appalled')).toBe('ban-ki-moon');
    expect(speakerOf('Ban Ki-moon has also warned that the attacks were “a grave breach of international law.”', 'a grave')).toBe('ban-ki-moon');
  });

  it('"called on" and "called X “…”" are speech; "called an emergency session" is not', () => {
    expect(speakerOf('Ban Ki-moon spoke first. Ban called on world powers to “work harder for an end to the nightmare” in Syria.', 'work harder')).toBe('ban-ki-moon');
    const r = analyse('Britain, France and the United States have called an emergency session of the U.N. Security Council.');
    expect(r.statements.map((s) => s.entity)).not.toContain('un-security-council');
  });

  it('a country as the speaker: "The US accused Moscow of “barbarism”"', () => {
    expect(speakerOf('The US accused Moscow of “barbarism” over the worsening carnage in Aleppo.', 'barbarism')).toBe('united-states');
  });

  it('a place inside a longer phrase is not the speaker', () => {
    expect(speakerOf('A doctor in Aleppo said the hospitals were “overwhelmed by the wounded every single night.”', 'overwhelmed')).toBeNull();
  });

  it('"according to X"', () => {
    expect(speakerOf('The strikes were “the heaviest of the war,” according to the Syrian Observatory for Human Rights.', 'the heaviest')).toBe('syrian-observatory-for-human-rights');
  });

  it('a speaker outside the registry gives null, never a nearby name', () => {
    expect(speakerOf('Residents said that the ordnance appeared to be more powerful than the bombs and missiles used in the past, causing "earthquake-like tremors."', 'earthquake')).toBeNull();
    expect(speakerOf('Aleppo, the country\'s largest city, has been divided since 2012. Syrian opposition media called the latest airstrikes over the city the "worst fighting" of the five-year-old conflict.', 'worst')).toBeNull();
    expect(speakerOf('Churkin left the chamber. A diplomat who asked not to be named said the talks were “going nowhere at all, as usual.”', 'going nowhere')).toBeNull();
  });

  it('passive verbs and nouns are not cues', () => {
    const r = analyse('Moscow and Damascus were repeatedly accused of war crimes. The warning came in a statement from the "Save Our Syria" organization.');
    expect(r.quotes.map((q) => q.excluded)).toEqual(['name']);
  });
});

describe('back-references', () => {
  it('"he said" → the person who was the subject before', () => {
    const text = 'Churkin again laid blame for the failed diplomacy with the US. A US-Russian ceasefire deal was broken by the “sabotage by the moderate opposition,” he said.';
    expect(speakerOf(text, 'sabotage')).toBe('vitaly-churkin');
  });

  it('"He called …" → the last subject, not the last name', () => {
    const text = 'Rami Abdel Rahman said that the neighborhoods Churkin had called safe were targeted by the Russian air force. He called the raids "unprecedented."';
    expect(speakerOf(text, 'unprecedented')).toBe('rami-abdel-rahman');
  });

  it('"the statement said" → the organisation a nearby "statement from" names', () => {
    const text = 'The warning came in a statement from the "Save Our Syria" organization. The statement said its delegates would not attend until "a guarantee is provided that civilians will be protected."';
    expect(speakerOf(text, 'a guarantee')).toBe('save-our-syria');
  });

  it('"the group said" → the organisation that spoke last', () => {
    const text = 'UNICEF said a key water pumping station was damaged. In retaliation, the group said, “a second pumping station was switched off by the rebels.”';
    expect(speakerOf(text, 'a second')).toBe('unicef');
  });

  it('a split quote: “…,” he said. “…” continues the same speaker', () => {
    const text = '“We did everything we could to save the truce,” Rycroft said. “Russia did not.”';
    expect(analyse(text).quotes.map((q) => q.speaker)).toEqual(['matthew-rycroft', 'matthew-rycroft']);
  });

  it('references resolve only in a source that names the entity', () => {
    const named = 'the country\'s foreign minister said Syrians would "not relent in their fight against terrorism." Syrian Foreign Minister Walid Mouallem spoke later.';
    expect(speakerOf(named, 'not relent')).toBe('walid-mouallem');
    const unnamed = 'The country\'s foreign minister said France would "not relent in its fight against terrorism."';
    expect(speakerOf(unnamed, 'not relent')).toBeNull();
  });
});

describe('quote marks that quote nobody', () => {
  it('a quoted registry name', () => {
    expect(speakerOf('The warning came in a statement from the "Save Our Syria" organization.', 'Save Our Syria')).toBe('excluded:name');
  });

  it('a name followed by "group"/"organization", even outside the registry', () => {
    expect(speakerOf('Members of the "Free Aleppo Doctors" group were there.', 'Free Aleppo')).toBe('excluded:name');
  });

  it('scare quotes after "so-called", "known as"', () => {
    expect(speakerOf('Fighters of the so-called "moderate opposition" were blamed.', 'moderate')).toBe('excluded:scare');
    expect(speakerOf('Rescuers known as the "White Helmets," arrived first.', 'White')).toBe('excluded:name');
    expect(speakerOf('Rescuers known as the "first responders of Aleppo" arrived first.', 'first')).toBe('excluded:scare');
  });

  it('a short quoted term with no speaker', () => {
    expect(speakerOf('The city has become a "ghost town" since the summer began.', 'ghost')).toBe('excluded:term');
  });

  it('a long quote with no cue is kept, unattributed', () => {
    expect(speakerOf('The leaflet read: "Leave the city now or you will be killed in the coming days."', 'Leave')).toBeNull();
  });

  it('quotes in headings and photo captions', () => {
    const text = "Body text starts here and it is long enough to be a paragraph.\n\n'Fight against terrorism'\n\nIn this photo provided by the Syrian Civil Defense group known as the \"White Helmets,\" a destroyed ambulance is seen in the Ansari neighborhood in the rebel-held part of eastern Aleppo, Syria, Sept. 23, 2016.";
    expect(analyse(text).quotes.map((q) => q.excluded)).toEqual(['heading', 'caption']);
  });
});

describe('statements', () => {
  it('splits "X warned …, and Y said …" into one statement per speaker', () => {
    const text = 'UN Secretary-General Ban Ki-moon has also warned the use of advanced weaponry against civilians could amount to war crimes, and French ambassador Francois Delattre said the atrocities must not go unpunished.';
    expect(analyse(text).statements).toEqual([
      { entity: 'ban-ki-moon', text: 'UN Secretary-General Ban Ki-moon has also warned the use of advanced weaponry against civilians could amount to war crimes' },
      { entity: 'francois-delattre', text: 'French ambassador Francois Delattre said the atrocities must not go unpunished.' },
    ]);
  });

  it('keeps a clause without a subject of its own with the clause before', () => {
    const text = 'UNICEF said it would send trucks, and the trucks would carry water to the east of the city.';
    expect(analyse(text).statements).toEqual([{ entity: 'unicef', text }]);
  });

  it('an organisation through a reference phrase', () => {
    const text = "UNICEF works in Syria. The U.N.'s children's agency said in a statement that a key water pumping station was damaged.";
    expect(analyse(text).statements.map((s) => s.entity)).toEqual(['unicef']);
  });

  it('a fact whose subject is the entity', () => {
    const text = "Aleppo, the country's largest city, has been divided among government troops and rebel militias since 2012.";
    expect(analyse(text).statements).toEqual([{ entity: 'aleppo', text }]);
  });

  it('no statement for a sentence that is mostly a direct quote', () => {
    expect(analyse('“What Russia is sponsoring and doing is not counterterrorism. It is barbarism,” US Ambassador to the UN Samantha Power said at the Sunday session.').statements).toEqual([]);
  });

  it('no statement from body text for unnamed sources', () => {
    expect(analyse('Witnesses said the surge in airstrikes began late Wednesday after the government announced an offensive.').statements).toEqual([]);
  });
});

describe('new articles: people and speakers from the text alone', () => {
  const nameOf = (text: string, prefix: string): string | null => {
    const r = analyse(text);
    const q = r.quotes.find((x) => x.text.startsWith(prefix));
    if (!q) throw new Error(`no quote starting ${prefix}`);
    return q.speaker === null ? null : (r.entities.find((e) => e.id === q.speaker)?.name ?? q.speaker);
  };
  const roleOf = (text: string, name: string): string[] => analyse(text).entities.find((e) => e.name === name)?.roles.map((r) => r.text) ?? [];

  it('"…," Title, Name, said', () => {
    const t = '"The burden is on Russia," the State Department\'s spokesman, John Kirby, said.';
    expect(nameOf(t, 'The burden')).toBe('John Kirby');
    expect(roleOf(t, 'John Kirby')).toEqual(["State Department's spokesman"]);
  });

  it('Name, Title, said — and an aside between name and verb', () => {
    const t = 'Sergei Lavrov, Russia\'s foreign minister, said the talks were over. Lavrov, meanwhile, told reporters "the door is not closed."';
    expect(nameOf(t, 'the door')).toBe('Sergei Lavrov');
    expect(roleOf(t, 'Sergei Lavrov')).toEqual(["Russia's foreign minister"]);
  });

  it('a reference phrase resolves only to a compatible role of the same article, never across nationality', () => {
    const both = 'Syrian Foreign Minister Walid Mouallem spoke first. Russia\'s Foreign Minister Sergei Lavrov followed. "We will not give in," the Russian foreign minister said.';
    expect(nameOf(both, 'We will not')).toBe('Sergei Lavrov');
    const syrianOnly = 'Syrian Foreign Minister Walid Mouallem spoke first. "We will not give in," the Russian foreign minister said.';
    expect(nameOf(syrianOnly, 'We will not')).toBeNull();
    const twoAmbassadors = 'British Ambassador Matthew Rycroft and French Ambassador Francois Delattre spoke. "Enough," the ambassador said.';
    expect(nameOf(twoAmbassadors, 'Enough')).toBeNull();
  });

  it('"said Title Name" picks the person, not the organisation in the title', () => {
    expect(nameOf('"The children are failed," said UNICEF spokesman Christophe Boulierac.', 'The children')).toBe('Christophe Boulierac');
  });

  it('"she said" after an unknown speaker stays empty rather than going to an earlier person', () => {
    const t = 'Churkin said the talks had failed. A surgeon at the hospital, who asked not to be named, said the team was exhausted. "We are choosing who lives," she said.';
    expect(nameOf(t, 'We are choosing')).toBeNull();
  });

  it('statements leave out the writer\'s scene setting and someone else\'s claim', () => {
    const t = 'As the army pressed its offensive Saturday, Churkin said the city "would fall soon" and the talks were over. Ban Ki-moon said he was appalled by the escalation in Aleppo that witnesses say is led by Syrian forces.';
    const st = analyse(t).statements.map((s) => s.text);
    expect(st.some((s) => s.startsWith('Churkin said the city'))).toBe(true);
    expect(st).toContain('Ban Ki-moon said he was appalled by the escalation in Aleppo');
  });
});

describe('organisations, groups and places defined in the text', () => {
  const entity = (text: string, name: string) => analyse(text).entities.find((e) => e.name === name);

  it('an acronym defined in brackets', () => {
    const e = entity('The Organisation for the Prohibition of Chemical Weapons (OPCW) said it would investigate. The OPCW said more.', 'Organisation for the Prohibition of Chemical Weapons');
    expect(e?.type).toBe('organization');
    expect(e?.aliases.map((a) => a.text)).toEqual(['Organisation for the Prohibition of Chemical Weapons', 'OPCW']);
  });

  it('"X, a group of …" and "X, a town …" with what the text says they are', () => {
    const t = 'The Free Syrian Army (FSA), a loose alliance of rebel brigades, said it would stay. Troops shelled Douma, a town east of Damascus, on Sunday.';
    expect(entity(t, 'Free Syrian Army')?.roles.map((r) => r.text)).toEqual(['a loose alliance of rebel brigades']);
    expect(entity(t, 'Douma')).toMatchObject({ type: 'place' });
    expect(entity(t, 'Douma')?.roles.map((r) => r.text)).toEqual(['a town east of Damascus']);
  });

  it('an agency named as a speaker', () => {
    const t = 'The World Food Programme said it had food for a few thousand families. "We need access," the agency said.';
    expect(entity(t, 'World Food Programme')?.type).toBe('organization');
  });
});
