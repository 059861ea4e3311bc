/**
 * The parts of a refusal, readable in every jsii language: where, what is wrong, how to fix it.
 * Read one from an error with {@link PlacementProblems}.
 */
export interface PlacementProblem {
  /** Where the problem is: a construct path, or a file and field. */
  readonly where: string;
  /** What is wrong, in plain words. */
  readonly problem: string;
  /** What the user can change to fix it. */
  readonly fix: string;
}

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
 * as a value and a type rather than as a jsii class; other languages read the parts with
 * {@link PlacementProblems.fromMessage}.)
 */
export const PlacementError: PlacementErrorConstructor = PlacementErrorClass;
/** Type of {@link PlacementError}: an `Error` with the three parts. */
export type PlacementError = Error & PlacementProblem;
// Spelled out so the emitted .d.ts does not copy ErrorConstructor's statics, whose types come from
// @types/node (`NodeJS.CallSite`) and fail a consumer's type-check without it.
type PlacementErrorConstructor = { new (where: string, problem: string, fix: string): PlacementError; readonly prototype: PlacementError };

// What a jsii runtime may put around the message: an error name in front, a JavaScript stack after.
const NAME_PREFIX = /^(?:PlacementError|Error|RuntimeError|JSIIError): /;
const STACK = /\n\s+at [\s\S]*$/;
const FIX = ' Fix: ';

/**
 * Reads a refusal's parts in any jsii language, e.g. in Python
 * `PlacementProblems.from_message(str(err))` on the error a construct or `app.synth()` raised.
 */
export class PlacementProblems {
  /**
   * The parts of a `PlacementError`, or undefined for any other value
   * (for TypeScript and JavaScript callers, which hold the error object itself).
   * @param error the caught value
   */
  public static of(error: any): PlacementProblem | undefined {
    if (error instanceof PlacementError) return { where: error.where, problem: error.problem, fix: error.fix };
    return undefined;
  }

  /**
   * The parts of a `PlacementError`'s message, or undefined when the text is not one: `where` ends
   * at the first ': ' (no construct path, file or field location this library writes holds one)
   * and `fix` starts after the last ' Fix: '.
   * @param message the error's message, as the language's exception carries it
   */
  public static fromMessage(message: string): PlacementProblem | undefined {
    const text = String(message).replace(NAME_PREFIX, '').replace(STACK, '');
    const colon = text.indexOf(': ');
    const fix = text.lastIndexOf(FIX);
    if (colon <= 0 || fix < colon) return undefined;
    return { where: text.slice(0, colon), problem: text.slice(colon + 2, fix), fix: text.slice(fix + FIX.length) };
  }

  private constructor() {}
}
