/**
 * The contract's domains, as plain data: the preload (which must stay free of dependencies: it runs
 * sandboxed and must not evaluate the zod schemas) forwards only `<domain>.<operation>` names of these
 * domains, and the main process registers exactly the contract's channels (shared/contract/index.ts
 * CHANNEL_NAMES, from the contract's keys), so no channel is listed by hand. A new module adds its
 * domain here, one line; index.ts checks at compile time that the contract has exactly these domains.
 */
export const CONTRACT_DOMAINS = [
  'system',
  'office',
  'numbers',
  'documents',
  'jobs',
  'files',
  'preschool',
  'balance',
  'supervision',
  'supervisionDocuments',
  'evidence',
] as const

export type ContractDomain = (typeof CONTRACT_DOMAINS)[number]

const domains = new Set<string>(CONTRACT_DOMAINS)

/**
 * Is `name` shaped like a channel of one of the contract's domains (`preschool.importCheck`)? The
 * preload's check; whether the operation exists is the main process's (it handles only contract keys).
 */
export function isContractChannelName(name: unknown): boolean {
  if (typeof name !== 'string') return false
  const m = /^([a-z][A-Za-z]*)\.([a-z][A-Za-z]*)$/.exec(name)
  return m !== null && domains.has(m[1])
}
