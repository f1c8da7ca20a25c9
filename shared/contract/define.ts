import type { z } from 'zod'

/** One channel of the API: the schema its input must pass and (as a type only) what it returns. */
export interface Channel<I extends z.ZodType = z.ZodType, O = unknown> {
  /** What the channel does, in Chinese, for logs and the CLI's help. */
  title: string
  input: I
  /** Phantom field carrying the output type; never set at run time. */
  readonly __output?: O
}

/** `channel<Output>()('标题', inputSchema)`: fixes the output type, infers the input type. */
export function channel<O>() {
  return <I extends z.ZodType>(title: string, input: I): Channel<I, O> => ({ title, input })
}

/** The answer every door gives: data, or a Chinese message (naming the field when one is at fault). */
export type Result<T> = { ok: true; data: T } | { ok: false; error: { message: string; field?: string } }
