import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * cdktf's Testing helpers leave a `cdktf.outdir.*` folder per call in os.tmpdir(). os.tmpdir() reads
 * the real process environment, which a test file's sandboxed `process.env` does not reach, so the
 * temp root is set here, in jest's parent process, before the workers (which inherit it) start.
 */
export default function globalSetup(): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-isolation-jest-'));
  process.env.CDKTF_ISOLATION_JEST_TMP = root;
  process.env.TMPDIR = root;
}
