// Ctrl-C (SIGINT) or SIGTERM mid-run: remove every unfinished output folder and exit 130 or 143,
// the shell's convention for death by those signals. Nothing half-written is left behind.

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export function onInterruptCleanUp(err: (text: string) => void): () => void {
  const handlers = (Object.keys(EXIT_CODES) as (keyof typeof EXIT_CODES)[]).map((signal) => {
    const handler = async (): Promise<void> => {
      try {
        // Imported here, not at the top: a command that writes nothing never loads the writers. One
        // that does has loaded them already, and the import resolves at once.
        (await import('../output/output-dir.js')).abandonAllStagedOutputs();
      } finally {
        err(`mppsim: interrupted (${signal}); nothing was written`);
        process.exit(EXIT_CODES[signal]);
      }
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((remove) => remove());
}
