/** Rewrites test-vectors.json. Only for a deliberate change: the committed file is the contract. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTestVectors } from './test-vectors';

const target = fileURLToPath(new URL('./test-vectors.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(buildTestVectors(), null, 2)}\n`);
console.log(`wrote ${target}`);
