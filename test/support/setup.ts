import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// cdktf's Testing helpers leave a /tmp/cdktf.outdir.* per call: give each test file its own
// temp root and remove it afterwards.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-isolation-test-'));
const previous = process.env.TMPDIR;
process.env.TMPDIR = root;
process.env.CHECKPOINT_DISABLE = '1';

afterAll(() => {
  process.env.TMPDIR = previous;
  fs.rmSync(root, { recursive: true, force: true });
});
