import { createHash } from 'crypto';
import { shown } from '../../needs/show';
import { PlacementError } from '../../placement-error';

// Kubernetes names and label values, checked here because the API server refuses what does not fit
// and kubernetes-models' schemas accept any string. Grammars from the Kubernetes documentation,
// "Object Names and IDs" and "Labels and Selectors" (checked 2026-12):
// - a DNS-1123 label (namespaces, Services, most object names): at most 63 of [a-z0-9-], starting
//   and ending with an alphanumeric;
// - a DNS-1123 subdomain (RuntimeClass, Secret names): at most 253, labels joined by '.';
// - a label value: at most 63 of [A-Za-z0-9_.-], starting and ending with an alphanumeric, or empty;
// - a label key: an optional DNS-subdomain prefix (at most 253) and '/', then a name of at most 63
//   of [A-Za-z0-9_.-], starting and ending with an alphanumeric.

export const DNS_LABEL_MAX = 63;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const HASH_CHARS = 8;

/** A short, stable hash of `text`: the same input always gives the same suffix. */
export function stableHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_CHARS);
}

export function isDnsLabel(name: unknown): name is string {
  return typeof name === 'string' && name.length <= DNS_LABEL_MAX && DNS_LABEL.test(name);
}

export function isDnsSubdomain(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 253 && name.split('.').every((part) => DNS_LABEL.test(part));
}

export function isLabelValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= DNS_LABEL_MAX && LABEL_VALUE.test(value);
}

export function isLabelKey(key: unknown): key is string {
  if (typeof key !== 'string') return false;
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  return (prefix === undefined || isDnsSubdomain(prefix)) && name.length <= DNS_LABEL_MAX && LABEL_NAME.test(name);
}

/**
 * `text` as a DNS-1123 label: lower-cased, other characters as '-'; when that changes it or it is longer
 * than `max`, cut and ended with a hash of the original, so different inputs never give one name.
 */
export function dnsLabel(text: string, max = DNS_LABEL_MAX): string {
  const clean = text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  if (clean === text && clean.length <= max && clean !== '') return clean;
  const keep = Math.max(0, max - HASH_CHARS - 1);
  const head = clean.slice(0, keep).replace(/-+$/, '');
  return head ? `${head}-${stableHash(text)}` : `x${stableHash(text)}`.slice(0, max);
}

/** `text` as a label value, cut with a hash like {@link dnsLabel} when it does not fit. */
export function labelValue(text: string): string {
  if (text.length <= DNS_LABEL_MAX && LABEL_VALUE.test(text)) return text;
  const clean = text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  const head = clean.slice(0, DNS_LABEL_MAX - HASH_CHARS - 1).replace(/[^A-Za-z0-9]+$/, '');
  return head ? `${head}-${stableHash(text)}` : stableHash(text);
}

/** Refuses anything but a DNS-1123 label, naming the field. */
export function requireDnsLabel(where: string, field: string, name: unknown, example: string): string {
  if (!isDnsLabel(name)) {
    throw new PlacementError(where, `${field} ${shown(name)} is not a DNS-1123 label, which Kubernetes requires.`,
      `use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit, e.g. '${example}'.`);
  }
  return name;
}

/** Refuses anything but a DNS-1123 subdomain, naming the field. */
export function requireDnsSubdomain(where: string, field: string, name: unknown, example: string): string {
  if (!isDnsSubdomain(name)) {
    throw new PlacementError(where, `${field} ${shown(name)} is not a DNS-1123 subdomain, which Kubernetes requires.`,
      `use at most 253 lower-case letters, digits, '-' and '.', each part starting and ending with a letter or digit, e.g. '${example}'.`);
  }
  return name;
}

/** Refuses a map that is not label keys to label values (node selectors). */
export function requireLabels(where: string, field: string, labels: unknown): Record<string, string> {
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) {
    throw new PlacementError(where, `${field} must be an object of node label keys to values, got ${shown(labels)}.`,
      `write it as ${field}: { 'sandbox.example.com/runtime': 'gvisor' }.`);
  }
  for (const [key, value] of Object.entries(labels)) {
    if (!isLabelKey(key)) {
      throw new PlacementError(where, `${field} has the key ${shown(key)}, which is not a Kubernetes label key.`,
        "use [prefix/]name: an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit.");
    }
    if (!isLabelValue(value)) {
      throw new PlacementError(where, `${field}.${key} is ${shown(value)}, which is not a Kubernetes label value.`,
        "use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or '').");
    }
  }
  return { ...labels as Record<string, string> };
}
