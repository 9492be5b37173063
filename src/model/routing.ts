// Where a sector's enrollees go: a bus route, its own port or another sector's port, by dated shares.
// A sector that names destinations draws one for every group it creates, enrolled or not, from its
// own stream, so changing a share moves nobody else's draws (common random numbers); a sector that
// does not has one destination and draws nothing, as before destinations existed.

import type { Uniform01 } from '../random/index.js';
import type { Sector } from '../scenario/schema.js';
import { defaultDestinations, destinationsOn } from '../scenario/timeline.js';

/** A destination resolved to the network's indices. */
export interface Destination {
  route: number;
  port: number;
  /** The screening its fearful enrollees meet (at the bus's destination, or where they are), or -1. */
  screening: number;
}

export type ResolveDestination = (target: string) => Destination;

export class SectorRouting {
  private targets: Destination[];
  private cumulative: number[];
  private sharesToday: Readonly<Record<string, number>>;

  constructor(
    private readonly spec: Sector,
    private readonly resolve: ResolveDestination,
    /** Null when the sector names no destinations: then there is exactly one, and nothing is drawn. */
    private readonly draw: Uniform01 | null,
    /** Where enrollees go when the sector has no destination at all (it enrolls nobody). */
    private readonly nowhere: Destination,
  ) {
    this.sharesToday = defaultDestinations(spec);
    [this.targets, this.cumulative] = this.build(this.sharesToday);
  }

  /** Whether a sector's scenario names destinations (and so draws one per group). */
  static routes(spec: Sector): boolean {
    return Boolean(spec.mpp?.destinations || spec.mpp?.periods?.some((p) => p.destinations));
  }

  openDay(date: string): void {
    if (!this.draw) return;
    const shares = destinationsOn(this.spec, date);
    if (shares === this.sharesToday) return;
    this.sharesToday = shares;
    [this.targets, this.cumulative] = this.build(shares);
  }

  /** The destination of a group created now. */
  next(): Destination {
    if (!this.draw) return this.targets[0] ?? this.nowhere;
    const u = this.draw();
    const last = this.targets.length - 1;
    for (let i = 0; i < last; i++) if (u < this.cumulative[i]) return this.targets[i];
    return this.targets[last] ?? this.nowhere;
  }

  private build(shares: Readonly<Record<string, number>>): [Destination[], number[]] {
    const entries = Object.entries(shares).filter(([, share]) => share > 0);
    const total = entries.reduce((a, [, share]) => a + share, 0);
    let running = 0;
    return [entries.map(([target]) => this.resolve(target)), entries.map(([, share]) => (running += share / total))];
  }
}
