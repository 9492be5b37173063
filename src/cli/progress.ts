// A progress bar with ETA on stderr (cli-progress), only for a person watching: never when stderr
// is not a terminal, when CI is set, or with --quiet; and only once a run lasts more than a moment.

import cliProgress from 'cli-progress';

const SHOW_AFTER_MS = 750;

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

export function progressBar(label: string, quiet: boolean): Progress {
  const wanted = !quiet && process.stderr.isTTY === true && !process.env.CI;
  if (!wanted) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar) {
        if (Date.now() - started < SHOW_AFTER_MS || done >= total) return;
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label} [{bar}] {value}/{total} replications | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
