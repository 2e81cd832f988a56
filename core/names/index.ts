export { expandAliases, type ExpandOptions, type NameRegistryEntry, type RawAlias } from './expand';
export { decideStrength, isAcronym, type Strength } from './strength';
export { articleVariants, nameVariants, wordVariants, isNameWord } from './spelling';
export { numberForms, singularOf } from './forms';
export { wordList, ORDINARY_MIN_COUNT, type WordEntry, type WordList } from './words';
