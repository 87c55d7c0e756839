/**
 * The size budget: fails when a built file's gzip -9 size is over the number kept
 * in size-budget.json. `--budget FILE` and `--dist DIR` let a test point it elsewhere.
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

const budget = JSON.parse(readFileSync(values.budget, 'utf8'));
let over = false;
for (const [file, limit] of Object.entries(budget.files)) {
  const { gzip } = compressedSizes(join(values.dist, file));
  const ok = gzip <= limit.gzip;
  over ||= !ok;
  const line = `${file}: ${gzip} B gzip -9 (budget ${limit.gzip} B)`;
  if (ok) console.log(`size ok   ${line}`);
  else
    console.error(
      `size OVER ${line}: lower it, or raise the budget in ${values.budget} with a reason`,
    );
  // Brokers pin the exact file on their CDN with this Subresource Integrity hash.
  const digest = createHash('sha384')
    .update(readFileSync(join(values.dist, file)))
    .digest('base64');
  console.log(`integrity ${file}: sha384-${digest}`);
}
process.exit(over ? 1 : 0);
