import type { z } from 'zod'
import type { Channel } from './define'
import type { ContractDomain } from './channels'
import { systemContract } from './system'
import { officeContract } from './office'
import { numbersContract } from './numbers'
import { documentsContract } from './documents'
import { jobsContract } from './jobs'
import { filesContract } from './files'
import { preschoolContract } from './preschool'
import { balanceContract } from './balance'
import { supervisionContract } from './supervision'
import { supervisionDocumentsContract } from './supervisionDocuments'
import { evidenceContract } from './evidence'

export { CONTRACT_DOMAINS, type ContractDomain, isContractChannelName } from './channels'
export type { Channel, Result } from './define'

/** The whole API: one entry per channel, merged from one file per domain. */
export const contract = {
  ...systemContract,
  ...officeContract,
  ...numbersContract,
  ...documentsContract,
  ...jobsContract,
  ...filesContract,
  ...preschoolContract,
  ...balanceContract,
  ...supervisionContract,
  ...supervisionDocumentsContract,
  ...evidenceContract,
} satisfies Record<string, Channel>

/** Every channel name: `<domain>.<operation>`. */
export type ChannelName = keyof typeof contract

/** Every channel of the contract, from its keys (the main process registers exactly these). */
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[]

// Compile-time check that the contract's channels are of exactly the domains the preload knows (channels.ts).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type DomainOf<K> = K extends `${infer D}.${string}` ? D : never
const domainsMatch: Exact<DomainOf<ChannelName>, ContractDomain> = true
void domainsMatch

export type Contract = typeof contract
export type InputOf<K extends ChannelName> = z.input<Contract[K]['input']>
export type ParsedInputOf<K extends ChannelName> = z.output<Contract[K]['input']>
export type OutputOf<K extends ChannelName> = Contract[K] extends Channel<z.ZodType, infer O> ? O : never

/** What the core implements: one function per channel taking the parsed input. */
export type Handlers = {
  [K in ChannelName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>
}
