import { shown } from './show';
import { PlacementError } from '../placement-error';

// The pure layer's public methods are called from other languages and plain JavaScript too: a missing
// or mistyped argument is a PlacementError saying which, never a TypeError deep inside.

/** Refuses anything but a plain object for `name`. */
export function requireStruct(where: string, name: string, value: unknown, example: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PlacementError(where, `${name} must be an object, got ${shown(value)}.`, `pass it as ${example}.`);
  }
}

/** Refuses anything but a list of plain objects for `name`. */
export function requireStructs(where: string, name: string, value: unknown, example: string): void {
  if (!Array.isArray(value)) {
    throw new PlacementError(where, `${name} must be a list, got ${shown(value)}.`, `pass it as [${example}].`);
  }
  value.forEach((v, i) => requireStruct(where, `${name}[${i}]`, v, example));
}
