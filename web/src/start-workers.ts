// The page's simulation workers, started before anything else is evaluated (main.ts imports this
// first), so that they load while the page parses and validates its scenario.

import { SimulationPool } from './pool.js';

export const pool = new SimulationPool(Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)));
