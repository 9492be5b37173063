// Every test file's temporary folders are removed when its tests end (tests clean up after themselves).

import { afterAll } from 'vitest';
import { removeTempDirs } from './cli.js';

afterAll(() => removeTempDirs());
