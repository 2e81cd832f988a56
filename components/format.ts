import type { EntityType } from '../core/dataset-types';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2016-09-27" → "27 Sep 2016"; anything unparsable is shown as given. */
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

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
