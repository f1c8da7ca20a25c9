import { afterEach, describe, expect, it } from 'vitest'
import { institutionRegistry, upsertInstitution, type InstitutionInput } from '../../../electron/core/institutions/institutionRepository'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

/** A sequence that exercises every way of finding: by code, by name, a code given later, a renamed coded one, one institution under two kinds' registries. */
const STEPS: [InstitutionInput, number][] = [
  [{ kind: 'kindergarten', code: null, name: '甲园', sponsor: '教育部门' }, 2022],
  [{ kind: 'kindergarten', code: '2164000001', name: '乙园', sponsor: '民办', attributes: { subsidised: true } }, 2022],
  [{ kind: 'school', code: '2164000009', name: '一中' }, 2022],
  [{ kind: 'kindergarten', code: '2164000002', name: '甲园', township: '习岗镇' }, 2023], // 甲园 gets its code
  [{ kind: 'kindergarten', code: '2164000001', name: '乙园（更名）', attributes: { grade: '一级' } }, 2023], // found by code, renamed
  [{ kind: 'kindergarten', code: null, name: '乙园（更名）', sponsor: '民办' }, 2024], // found by name although coded
  [{ kind: 'kindergarten', code: null, name: '丙园' }, 2024],
  [{ kind: 'kindergarten', code: null, name: '丙园', urbanRural: '城区' }, 2024],
  [{ kind: 'kindergarten', code: '2164000002', name: '甲园' }, 2025],
]

describe('institutionRegistry (the registry loaded once for an import)', () => {
  it('finds and writes exactly as upsertInstitution does, query by query', () => {
    const a = tempWorkspace()
    const b = tempWorkspace()
    envs.push(a, b)
    const dbA = a.ws.db()
    const dbB = b.ws.db()
    const idsA = STEPS.map(([input, year]) => upsertInstitution(dbA, input, year))
    const registry = institutionRegistry(dbB, 'kindergarten')
    const schools = institutionRegistry(dbB, 'school')
    const idsB = STEPS.map(([input, year]) => (input.kind === 'school' ? schools : registry).upsert(input, year))
    expect(idsB).toEqual(idsA)
    const table = (db: typeof dbA) =>
      db
        .prepare(
          'SELECT id, code, name, kind, institution_type, sponsor, urban_rural, township, attributes, closed_year FROM institutions ORDER BY id',
        )
        .all()
    expect(table(dbB)).toEqual(table(dbA))
    expect((table(dbB) as { name: string }[]).map((r) => r.name)).toEqual(['甲园', '乙园（更名）', '一中', '丙园'])
  })
})
