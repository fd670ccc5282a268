/**
 * React 19 + Vite + TypeScript (strict, skipLibCheck off): an app using one
 * wrapper entry per element (`web-billing-kit/react/<name>`), type-checked
 * (with a compile-only test of the typed props and events) and built by Vite
 * (its own JSX transform, no plugin), then served and driven in Chromium.
 */
import { describeBuiltConsumer } from './harness.js';

describeBuiltConsumer('consumer: React 19 + Vite with per-element wrappers', 'react');
