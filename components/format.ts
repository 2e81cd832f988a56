import type { EntityType } from '../core/dataset-types';

// The card's date format lives in core, so the copied citation text writes dates the same way.
export { formatDate } from '../core/format-date';

export const TYPE_LABEL: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  group: 'Group',
  place: 'Place',
};

export const TYPE_PLURAL: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organisations',
  group: 'Groups',
  place: 'Places',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
