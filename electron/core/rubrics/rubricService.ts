/**
 * Rubric variants and the rubric of a year, for any module: 学前教育 and 优质均衡 call these with their
 * bundled rubric (shared/rubrics/variants.ts does the pure part).
 */
import { deriveRubric, type RubricVariantSpec } from '../../../shared/rubrics/rubric'
import type { Rubric } from '../../../shared/rubrics/rubricSchema'
import { chosenRubric, rubricChoicesOf } from '../../../shared/rubrics/variants'
import { UserError } from '../errors'
import type { Workspace } from '../workspace'
import * as repo from './rubricRepository'

/** Every rubric an office can choose over `base`: the bundled one, then its stored variants. */
export function rubricChoices(ws: Workspace, base: Rubric): Rubric[] {
  const db = ws.dbIfExists()
  return db ? rubricChoicesOf(base, repo.rubricVariants(db, base.id)) : [base]
}

/** The rubric that applies to a year: the one chosen for it, else the bundled `base`. */
export function rubricForYear(ws: Workspace, base: Rubric, year: number): Rubric {
  const db = ws.dbIfExists()
  if (!db) return base
  return chosenRubric(rubricChoices(ws, base), repo.chosenRubricId(db, base.id, year))
}

/** Chooses the rubric of a year among `base` and its variants. @throws UserError when the id is unknown */
export function chooseRubric(ws: Workspace, base: Rubric, year: number, rubricId: string): { year: number; rubricId: string } {
  if (!rubricChoices(ws, base).some((r) => r.id === rubricId)) throw new UserError('没有这个指标体系', 'rubricId')
  const db = ws.db()
  db.transaction(() => repo.saveRubricChoice(db, base.id, year, rubricId))()
  return { year, rubricId }
}

/**
 * Stores a variant of `base` (validated by deriveRubric, and by `check` when given, e.g. the module's
 * known formulas and settings). @throws UserError naming what was refused: the id of the bundled rubric or
 * of another module's variant, an unknown item, a threshold of a judged item
 */
export function saveVariant(
  ws: Workspace,
  base: Rubric,
  spec: RubricVariantSpec,
  check?: (r: Rubric) => string[],
): { id: string; name: string } {
  if (spec.id === base.id) throw new UserError('变体的编号不能与内置指标体系相同', 'id')
  const db = ws.db()
  const other = repo.variantBaseId(db, spec.id)
  if (other !== null && other !== base.id) throw new UserError('这个编号已被其他指标体系的变体使用', 'id')
  const r = deriveRubric(base, spec)
  if (!r.ok) throw new UserError(r.errors.join('；'), 'thresholds')
  const problems = check?.(r.rubric) ?? []
  if (problems.length > 0) throw new UserError(problems.join('；'), 'thresholds')
  db.transaction(() => repo.saveRubricVariant(db, base.id, spec))()
  return { id: spec.id, name: spec.name }
}
