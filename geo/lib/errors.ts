/**
 * An input problem the person running `npm run geo` can fix. build.ts prints its message as one
 * line (no stack trace) and exits non-zero, so the message must say what is wrong and how to fix it.
 */
export class GeoInputError extends Error {
  constructor(problem: string, fix: string) {
    super(`${problem}. Fix: ${fix}`);
    this.name = 'GeoInputError';
  }
}

/** A check on the derived data failed: the sources or the config changed in a way that matters. */
export class GeoCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeoCheckError';
  }
}
