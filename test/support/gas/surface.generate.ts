// Regenerates surface.ts: node scripts/run-ts.mjs test/support/gas/surface.generate.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../gasBundle';
import { renderSurfaceModule } from './surface.extract';

writeFileSync(join(projectRoot(), 'test/support/gas/surface.ts'), renderSurfaceModule());
console.log('wrote test/support/gas/surface.ts');
