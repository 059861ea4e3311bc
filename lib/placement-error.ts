/**
 * The one error this library throws for a refused placement or an invalid prop.
 *
 * The message always carries three parts, so a user can act on it without reading code:
 * where (the construct path, file or field), what is wrong, and how to fix it.
 * It is thrown at synth time, before any Terraform is written.
 */
// A named class expression: stack traces and inspection say "PlacementError".
const PlacementErrorClass = class PlacementError extends Error {
  /** Where the problem is: a construct path, or a file and field. */
  public readonly where: string;
  /** What is wrong, in plain words. */
  public readonly problem: string;
  /** What the user can change to fix it. */
  public readonly fix: string;

  /**
   * @param where the construct path (or file and field) the problem belongs to
   * @param problem what is wrong
   * @param fix how to fix it
   */
  constructor(where: string, problem: string, fix: string) {
    super(`${where}: ${problem} Fix: ${fix}`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'PlacementError';
    this.where = where;
    this.problem = problem;
    this.fix = fix;
  }
};

/**
 * The one error this library throws for a refused placement or an invalid prop:
 * `err instanceof PlacementError` works, and `err.where`, `err.problem`, `err.fix` carry the parts.
 *
 * (jsii cannot model subclasses of `Error`, so the class is exported to TypeScript and JavaScript
 * as a value and a type rather than as a jsii class; other languages see the message.)
 */
export const PlacementError = PlacementErrorClass;
/** Type of {@link PlacementError}. */
export type PlacementError = InstanceType<typeof PlacementErrorClass>;
