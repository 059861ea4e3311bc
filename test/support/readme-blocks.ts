import * as fs from 'fs';
import * as path from 'path';

/** A fenced code block of README.md: its language, first line number and text. */
export interface ReadmeBlock {
  readonly lang: string;
  readonly line: number;
  readonly code: string;
  /** The `## ` section it sits in. */
  readonly section: string;
}

export const README_PATH = path.join(__dirname, '..', '..', 'README.md');

/** Every fenced block of README.md, read at test time so a test cannot drift from what the README prints. */
export function readmeBlocks(text: string = fs.readFileSync(README_PATH, 'utf8')): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  let section = '';
  let open: { lang: string; line: number; lines: string[] } | undefined;
  text.split('\n').forEach((line, index) => {
    if (open) {
      if (line.startsWith('```')) {
        blocks.push({ lang: open.lang, line: open.line, code: `${open.lines.join('\n')}\n`, section });
        open = undefined;
      } else {
        open.lines.push(line);
      }
    } else if (line.startsWith('```')) {
      open = { lang: line.slice(3).trim(), line: index + 2, lines: [] };
    } else if (line.startsWith('## ')) {
      section = line.slice(3).trim();
    }
  });
  if (open) throw new Error(`README.md: the block opened at line ${open.line - 1} is never closed`);
  return blocks;
}

/** The one TypeScript block of a README section. */
export function readmeBlock(section: string, lang = 'ts'): ReadmeBlock {
  const found = readmeBlocks().filter((b) => b.section === section && b.lang === lang);
  if (found.length !== 1) throw new Error(`README.md: section "${section}" has ${found.length} ${lang} blocks, expected 1`);
  return found[0];
}
