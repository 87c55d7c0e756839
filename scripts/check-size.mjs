/**
 * The size budget (size-budget.json): a built file fails when its gzip -9 size is over
 * its budget. The budget keeps `headroom` bytes above the measured size and is lowered
 * when a change makes the bundle smaller (a budget with more than `headroom` + `slack`
 * to spare fails too, with the number to set), and no budget may pass the hard
 * `ceiling`. `--budget FILE` and `--dist DIR` let a test point it elsewhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { compressedSizes } from './sizes.mjs';

const { values } = parseArgs({
  options: {
    budget: { type: 'string', default: 'size-budget.json' },
    dist: { type: 'string', default: 'dist' },
  },
});

const {
  ceiling = Infinity,
  headroom = 0,
  slack = 256,
  files,
} = JSON.parse(readFileSync(values.budget, 'utf8'));

/** What is wrong with one file's size, or undefined when it is within the policy. */
function problem(gzip, budget) {
  if (budget > ceiling) return `its budget ${budget} B is over the ceiling of ${ceiling} B`;
  if (gzip > budget)
    return 'over budget: make it smaller by structure, or raise the budget with a reason';
  if (budget > gzip + headroom + slack)
    return `the bundle shrank: lower the budget in ${values.budget} to ${gzip + headroom} B`;
  return undefined;
}

let failed = false;
for (const [file, limit] of Object.entries(files)) {
  const { gzip } = compressedSizes(join(values.dist, file));
  const line = `${file}: ${gzip} B gzip -9 (budget ${limit.gzip} B, ceiling ${ceiling} B)`;
  const found = problem(gzip, limit.gzip);
  failed ||= found !== undefined;
  if (found) console.error(`size FAIL ${line}: ${found}`);
  else console.log(`size ok   ${line}`);
  // Brokers pin the exact file on their CDN with this Subresource Integrity hash.
  const digest = createHash('sha384')
    .update(readFileSync(join(values.dist, file)))
    .digest('base64');
  console.log(`integrity ${file}: sha384-${digest}`);
}
process.exit(failed ? 1 : 0);
