import { contract, CHANNEL_NAMES, type ChannelName, type Handlers, type Result } from '../../shared/contract'
import { toFieldErrors } from '../../shared/validation/zhMessages'
import { userFacingError } from './errors'

const known = new Set<string>(CHANNEL_NAMES)

export function isChannel(name: string): name is ChannelName {
  return known.has(name)
}

/**
 * The single entry of every door: checks the channel, validates the payload against the contract
 * (a bad payload never reaches a service), runs the handler and turns errors into Chinese messages.
 */
export async function dispatch(handlers: Handlers, channelName: string, payload: unknown): Promise<Result<unknown>> {
  if (!isChannel(channelName)) return { ok: false, error: { message: `未知的操作：${String(channelName).slice(0, 80)}` } }
  const schema = contract[channelName].input
  const parsed = schema.safeParse(payload ?? {}, { reportInput: true })
  if (!parsed.success) {
    const errors = toFieldErrors(schema, parsed.error)
    return { ok: false, error: { message: errors.map((e) => e.message).join('；'), field: errors[0]?.field } }
  }
  try {
    const handler = handlers[channelName] as (input: unknown) => unknown
    return { ok: true, data: await handler(parsed.data) }
  } catch (e) {
    return { ok: false, error: userFacingError(e, contract[channelName].title, handlers) }
  }
}
