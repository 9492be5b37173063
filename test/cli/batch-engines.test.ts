// The README's cluster examples, run or checked as written (issue 17 item 4): the GNU parallel one
// runs 4 shards of a sweep and merges them to the one-machine bytes; the Slurm script parses as bash
// and the Kubernetes Job as YAML with the fields an Indexed Job needs.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, mppsim, readOutputs, tempDir } from '../support/cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The README's fenced block of `lang` whose text contains `marker`. */
function block(lang: string, marker: string): string {
  const found = [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]).find((b) => b.includes(marker));
  if (!found) throw new Error(`README has no ${lang} block with "${marker}"`);
  return found;
}

const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasParallel) console.warn('GNU parallel test skipped: no `parallel` (install it with: apt-get install -y parallel)');

describe.runIf(hasParallel)('the README\'s GNU parallel example', () => {
  it('runs a sweep as 4 shards through parallel, and merge gives the one-machine bytes', () => {
    const dir = tempDir('mppsim-parallel-');
    const example = block('sh', 'GNU parallel');
    // The README's command, on a small sweep of a bundled scenario, 4 shards instead of 8.
    const command = example
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n')
      .replace('big.yaml', 'scenarios/del-rio-cap.yaml')
      .replace('ports.juarez.dailyCap=100..400:10', 'ports.eagle-pass-laredo.dailyCap=40..70:10')
      .replace('--reps 50', '--reps 3')
      .replace('{}/8', '{}/4')
      .replace('$(seq 8)', '$(seq 4)')
      .replace(/parts\//g, `${dir}/parts/`)
      .replace('output/big-sweep --report', `${dir}/merged`);
    expect(command).toContain('parallel npx mppsim sweep');
    // `npx mppsim` inside mppsim's own folder installs the folder into npx's cache, which runs its
    // prepare script: a rebuild that deletes dist/bundle under every other test file. The built bin instead.
    const local = command.replaceAll('npx mppsim', `node ${join(ROOT, 'bin/mppsim.js')}`);
    execFileSync('bash', ['-c', local], { cwd: ROOT, env: { ...process.env, CI: 'true' }, stdio: 'pipe' });
    const one = join(dir, 'one');
    expect(mppsim(['sweep', 'scenarios/del-rio-cap.yaml', '--set', 'ports.eagle-pass-laredo.dailyCap=40..70:10', '--reps', '3', '--out', one, '--quiet']).code).toBe(0);
    const merged = readOutputs(join(dir, 'merged'));
    const single = readOutputs(one);
    expect([...merged.keys()]).toEqual([...single.keys()]);
    for (const [name, bytes] of single) expect(merged.get(name)!.equals(bytes), name).toBe(true);
  });
});

describe('the README\'s Slurm and Kubernetes examples', () => {
  it('the Slurm job script parses as bash and runs a shard of the array task', () => {
    const script = block('sh', 'Slurm job array');
    expect(spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' }).status).toBe(0);
    expect(script).toMatch(/--shard \$\{SLURM_ARRAY_TASK_ID\}\/64/);
  });

  it('the Kubernetes Indexed Job parses as YAML with the fields it relies on', () => {
    const job = parse(block('yaml', 'Kubernetes Indexed Job')) as {
      apiVersion: string;
      kind: string;
      spec: { completions: number; parallelism: number; completionMode: string; template: { spec: { restartPolicy: string; containers: { command: unknown[]; volumeMounts: { name: string }[] }[]; volumes: { name: string }[] } } };
    };
    expect([job.apiVersion, job.kind, job.spec.completionMode, job.spec.template.spec.restartPolicy]).toEqual(['batch/v1', 'Job', 'Indexed', 'Never']);
    expect(job.spec.completions).toBe(64);
    const container = job.spec.template.spec.containers[0];
    expect(container.command.every((part) => typeof part === 'string')).toBe(true);
    expect(String(container.command[2])).toContain('--shard $((JOB_COMPLETION_INDEX+1))/64');
    const volumes = new Set(job.spec.template.spec.volumes.map((v) => v.name));
    expect(container.volumeMounts.every((m) => volumes.has(m.name))).toBe(true);
  });
});

it('CI can install GNU parallel (the .ci/run step)', () => {
  expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/apt-get install -y[^\n]*parallel/);
  expect(existsSync(join(ROOT, '.ci/run'))).toBe(true);
});
