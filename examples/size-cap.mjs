// The least daily cap at the Eagle Pass–Laredo port for which nobody is released, as `mppsim size`
// finds it: a bisection over 40..120 in steps of 4, every candidate replicated with the same seeds,
// a target holding when its one-sided 95% bound meets it. Run: node examples/size-cap.mjs
import { bundledScenarioFile, loadScenario, parseSizeRange, parseTarget, size, sizeAnswerLine } from 'mppsim';

const scenario = loadScenario(bundledScenarioFile('del-rio-cap'));
const answer = await size(scenario, 'del-rio-cap', parseSizeRange('ports.eagle-pass-laredo.dailyCap=40..120:4'), [parseTarget('released.total <= 0')], {
  seed: scenario.seed,
  replications: 3,
  maxReplications: 100,
  workers: 2,
});

console.log(sizeAnswerLine(answer));
for (const c of answer.candidates) console.log(`${c.value}: released ${c.judgements[0].estimate.mean.toFixed(2)}, ${c.verdict}`);
