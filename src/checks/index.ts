// The registry of checks, sorted by id. Each id equals its file name, docs page and test file.
import type { AnyCheck } from '../core/check.js';

/** Every built-in check, sorted by id. */
export const checks: readonly AnyCheck[] = [
];
