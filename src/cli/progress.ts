// A progress bar with ETA on stderr (cli-progress), only for a person watching: never when stderr
// is not a terminal, when CI is set, or with --quiet. The header (what runs) shows at once so a long
// run's first seconds are not blank; the bar itself only once a run lasts more than a moment.

import cliProgress from 'cli-progress';

const SHOW_AFTER_MS = 750;

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

/**
 * Time left, from the completed replications' average: cli-progress's own ETA averages its recent
 * updates, which froze and then jumped while progress came a batch at a time.
 */
export function etaText(done: number, total: number, elapsedMs: number): string {
  if (done <= 0) return 'estimating…';
  const leftSeconds = Math.round(((elapsedMs / done) * (total - done)) / 1000);
  if (leftSeconds < 60) return `${leftSeconds}s`;
  const minutes = Math.floor(leftSeconds / 60);
  if (minutes < 60) return `${minutes}m${String(leftSeconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

export interface ProgressSettings {
  quiet: boolean;
  /** Printed at once on the terminal: what is being run. */
  header?: string;
  stream?: NodeJS.WriteStream;
}

export function progressBar(label: string, quiet: boolean, header?: string): Progress {
  return terminalProgress(label, { quiet, header });
}

export function terminalProgress(label: string, settings: ProgressSettings): Progress {
  const stream = settings.stream ?? process.stderr;
  const wanted = !settings.quiet && stream.isTTY === true && !process.env.CI;
  if (!wanted) return { update: () => undefined, stop: () => undefined };
  if (settings.header) stream.write(`${settings.header}\n`);
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      const elapsed = Date.now() - started;
      if (!bar) {
        if (elapsed < SHOW_AFTER_MS || done >= total) return;
        bar = new cliProgress.SingleBar(
          { stream, format: `${label} [{bar}] {value}/{total} replications | ETA {eta_left}`, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { eta_left: etaText(done, total, elapsed) });
      }
      // A search's total grows when a candidate needs more replications than expected.
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, { eta_left: etaText(done, total, elapsed) });
    },
    stop() {
      bar?.stop();
    },
  };
}
