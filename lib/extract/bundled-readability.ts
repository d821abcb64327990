/**
 * Provides the Readability fallback from the bundled package. Imported for its effect by every host that
 * can afford the library up front: the command-line tools, the benchmarks, the tests and the script the
 * content script injects on demand (entrypoints/readability.ts).
 */
import { Readability } from '@mozilla/readability';
import { provideReadability, type ReadabilityConstructor } from './readability-roots';

export const bundledReadability = Readability as unknown as ReadabilityConstructor;

provideReadability(bundledReadability);
