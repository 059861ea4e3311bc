import * as fs from 'fs';

/** Removes the temp root of global-setup.ts, with every outdir the tests left in it. */
export default function globalTeardown(): void {
  const root = process.env.CDKTF_ISOLATION_JEST_TMP;
  if (root) fs.rmSync(root, { recursive: true, force: true });
}
