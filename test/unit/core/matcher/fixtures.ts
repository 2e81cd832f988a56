import type { AliasEntry } from '../../../../core/matcher-types';

function strong(entity: string, text: string, caseSensitive = false, type: AliasEntry['type'] = 'person'): AliasEntry {
  return { entity, type, text, strength: 'strong', caseSensitive };
}
function weak(entity: string, text: string, type: AliasEntry['type'] = 'person'): AliasEntry {
  return { entity, type, text, strength: 'weak', caseSensitive: true };
}

/** A small alias set shaped like the seed dataset. */
export const SEED_ALIASES: AliasEntry[] = [
  strong('churkin', 'Vitaly Churkin'),
  strong('churkin', 'Churkin'),
  strong('power', 'Samantha Power'),
  weak('power', 'Power'),
  strong('ban', 'Ban Ki-moon'),
  weak('ban', 'Ban'),
  strong('assad', 'Bashar al-Assad'),
  strong('assad', 'al-Assad'),
  weak('assad', 'Assad'),
  strong('delattre', 'François Delattre'),
  strong('delattre', 'Delattre'),
  strong('rycroft', 'Matthew Rycroft'),
  strong('rycroft', 'Rycroft'),
  strong('unsc', 'UN Security Council', false, 'organization'),
  strong('unsc', 'Security Council', false, 'organization'),
  strong('un', 'UN', true, 'organization'),
  strong('un', 'United Nations', false, 'organization'),
  strong('aleppo', 'Aleppo', false, 'place'),
  strong('syria', 'Syria', false, 'place'),
  strong('russia', 'Russia', false, 'place'),
  strong('obrien', "Stephen O'Brien"),
];
