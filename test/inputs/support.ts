import { IConstruct } from 'constructs';
import { PlacementError } from '../../lib';

/** Runs `build` and returns the PlacementError it throws; fails when it throws nothing or something else. */
export function refusal(build: () => unknown): PlacementError {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(PlacementError);
    return e as PlacementError;
  }
  throw new Error('expected a PlacementError, but nothing was thrown');
}

/** The warnings cdktf's Annotations attached to `scope` itself. */
export function warningsOf(scope: IConstruct): string[] {
  return scope.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
}
