/** Where the project is, and its build (dist/: what `clasp push` uploads). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root: the nearest folder up from the working directory with our package.json.
 *  (Not `__dirname`: scripts run this file bundled from elsewhere.) */
export function projectRoot(from = process.cwd()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'fan-funnel') return dir;
    if (dirname(dir) === dir) throw new Error('run this from inside the fan-funnel project');
  }
}

export const DIST = join(projectRoot(), 'dist');
