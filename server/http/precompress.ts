/** The last step of `npm run build`: the `.br` twins of the build's static files (static-brotli.ts). */
import path from 'node:path';
import { precompressStatic } from './static-brotli';

const started = performance.now();
const { files, raw, br } = await precompressStatic(path.resolve(import.meta.dirname, '../../.next/static'));
const kb = (bytes: number) => Math.round(bytes / 1024).toLocaleString('en-GB');
process.stdout.write(
  `Brotli twins of ${files} static files: ${kb(raw)} KB → ${kb(br)} KB in ${Math.round(performance.now() - started)} ms\n`,
);
