// The layer rules judge where an import lands: these cases are the mistakes they exist for.
import { Linter } from 'eslint'
import { describe, expect, it } from 'vitest'
import layers from './layers.js'

const web = '/repo/apps/web/src'
const api = '/repo/apps/api/src'

function problems(rule, root, filename, code) {
  const linter = new Linter({ configType: 'flat', cwd: '/repo' })
  const config = [{ files: ['**/*.ts'], plugins: { layers }, rules: { [`layers/${rule}`]: ['error', { root }] } }]
  const messages = linter.verify(code, config, { filename })
  // Anything but this rule's own findings (a parse error, no matching config) fails the test.
  expect(messages.filter((m) => m.ruleId !== `layers/${rule}`)).toEqual([])
  return messages.map((m) => m.message)
}

const spa = (filename, code) => problems('spa-feature-boundaries', web, `${web}/${filename}`, code)
const common = (filename, code) => problems('api-common-independent', api, `${api}/${filename}`, code)

describe('spa-feature-boundaries', () => {
  it('refuses an import into another feature’s internals, however the path is spelt', () => {
    expect(spa('features/learning/components/a.ts', "import { x } from '../../materials/components/viewer';")).toHaveLength(1)
    expect(spa('features/learning/a.ts', "export { x } from '../../features/materials/api/get';")).toHaveLength(1)
    expect(spa('features/learning/a.ts', "const m = import('../materials/routes/r');")).toHaveLength(1)
  })

  it('allows a feature’s own files, another feature’s index, and shared code', () => {
    expect(spa('features/learning/components/a.ts', "import { x } from '../api/get-lesson';")).toEqual([])
    expect(spa('features/learning/components/a.ts', "import { x } from '../../materials';")).toEqual([])
    expect(spa('features/learning/components/a.ts', "import { x } from '../../materials/index';")).toEqual([])
    expect(spa('features/learning/components/a.ts', "import { x } from '../../../api/get-material';")).toEqual([])
    expect(spa('features/learning/components/a.ts', "import { z } from 'zod';")).toEqual([])
  })

  it('keeps shared code free of features, and lets the route tree import them', () => {
    expect(spa('components/a.ts', "import { x } from '../features/materials';")).toHaveLength(1)
    expect(spa('api/a.ts', "import { x } from '../features/learning/api/keys';")).toHaveLength(1)
    expect(spa('app/routes.ts', "import { x } from '../features/materials/routes/library-route';")).toEqual([])
  })
})

describe('api-common-independent', () => {
  it('refuses a feature module imported from common/', () => {
    expect(common('common/text/a.ts', "import { x } from '../../modules/materials/material-search.repository.js';")).toHaveLength(1)
  })

  it('lets modules use common/ and common/ use itself', () => {
    expect(common('common/text/a.ts', "import { x } from './fold.js';")).toEqual([])
    expect(common('modules/materials/a.ts', "import { x } from '../../common/text/fold.js';")).toEqual([])
    expect(common('modules/materials/a.ts', "import { x } from '../courses/b.js';")).toEqual([])
  })
})
