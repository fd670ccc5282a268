/**
 * Vite + TypeScript (strict, skipLibCheck off): a page importing one entry
 * per element, type-checked (with a compile-only test that the events and
 * tags are typed) and built by Vite, then served and driven in Chromium.
 */
import { describeBuiltConsumer } from './harness.js';

describeBuiltConsumer('consumer: Vite + TypeScript with per-element entries', 'vite-ts');
