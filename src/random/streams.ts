// Named, independently seeded random streams. Each stream's seed is derived from
// (scenario seed, replication, stream name) alone, so adding a stream, a sector or a draw
// elsewhere never shifts another stream's draws: the basis of common random numbers.

import seedrandom from 'seedrandom';

/** A uniform source on [0, 1). */
export type Uniform01 = () => number;

export function streamSeed(seed: number, replication: number, name: string): string {
  return `mppsim/${seed}/${replication}/${name}`;
}

/** Alea: seedrandom's fast generator, well distributed and fully determined by its string seed. */
export function createStream(seed: number, replication: number, name: string): Uniform01 {
  return seedrandom.alea(streamSeed(seed, replication, name));
}

/** One replication's named streams: `stream(name)` is the same generator for the same (seed, replication, name). */
export class RandomStreams {
  private readonly streams = new Map<string, Uniform01>();

  constructor(
    readonly seed: number,
    readonly replication: number,
  ) {}

  /** The stream with this name, created on first use; the same name always returns the same stream. */
  stream(name: string): Uniform01 {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = createStream(this.seed, this.replication, name);
      this.streams.set(name, stream);
    }
    return stream;
  }
}
