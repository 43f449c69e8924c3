import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

// This file sits at apps/api/{src,dist}/common/config/: the repository root is five levels up.
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../..');
