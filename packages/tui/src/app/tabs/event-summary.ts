import type { EventDto } from '@tenantry/sdk';

const NONE = '-';
const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/**
 * What an event changed, in one line, most telling first: changed fields as "status active → suspended",
 * then what is new ("reason billing"), then what was cleared ("reason billing → -"), then what identified
 * the thing before ("prefix tnt_ab12"). An event without either side names its target.
 */
export function eventSummary(data: EventDto['data']): string {
  const before = flatten(data.before);
  const after = flatten(data.after);
  const changed = [...after].filter(([field, value]) => before.has(field) && before.get(field) !== value);
  const change = ([field, value]: [string, string]) => `${field} ${before.get(field) ?? ''} → ${value}`;
  const fact = ([field, value]: [string, string]) => `${field} ${value}`;
  const parts = [
    ...changed.filter(([, value]) => value !== NONE).map(change),
    ...[...after].filter(([field]) => !before.has(field)).map(fact),
    ...changed.filter(([, value]) => value === NONE).map(change),
    ...[...before].filter(([field]) => !after.has(field)).map(fact),
  ];
  if (parts.length > 0) return parts.join(' · ');
  return data.target.id ? `${data.target.type} ${data.target.id}` : data.target.type;
}

/** Fields one level deep as "limits.maxUsers", values as short text; deeper objects are left out. */
function flatten(side: Record<string, unknown> | null): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [field, value] of Object.entries(side ?? {})) {
    if (isRecord(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        const text = valueText(innerValue);
        if (text !== null) fields.set(`${field}.${inner}`, text);
      }
      continue;
    }
    const text = valueText(value);
    if (text !== null) fields.set(field, text);
  }
  return fields;
}

function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return NONE;
  if (Array.isArray(value)) {
    const items = value.map(scalarText);
    return items.every((item) => item !== null) ? items.join(', ') || NONE : null;
  }
  return scalarText(value);
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return ISO_TIMESTAMP.test(value) ? value.slice(0, 16).replace('T', ' ') : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
