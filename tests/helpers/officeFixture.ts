import { afterEach } from 'vitest'
import { dispatch } from '../../electron/core/dispatch'
import { SAMPLE_PROFILE, tempWorkspace } from './tempWorkspace'

/**
 * A temp workspace with the sample office and one number series (固政教督办), plus `call` (the
 * answer's data, throwing on a refusal) and `fail` (the refusal's Chinese message) through the
 * same dispatcher as every door. Workspaces are removed after each test.
 */
/**
 * `call` (the answer's data, throwing on a refusal) and `fail` (the refusal's Chinese message) on a workspace,
 * through the same dispatcher as every door.
 */
export function doorCalls(env: ReturnType<typeof tempWorkspace>) {
  const call = async (channel: string, payload: unknown) => {
    const r = await dispatch(env.handlers, channel, payload)
    if (!r.ok) throw new Error(r.error.message)
    return r.data as any
  }
  const fail = async (channel: string, payload: unknown) => {
    const r = await dispatch(env.handlers, channel, payload)
    if (r.ok) throw new Error(`expected ${channel} to fail`)
    return r.error.message
  }
  return { call, fail }
}

export function useOfficeFixture() {
  const envs: ReturnType<typeof tempWorkspace>[] = []
  afterEach(() => {
    envs.splice(0).forEach((e) => e.dispose())
  })
  return async function setup() {
    const env = tempWorkspace()
    envs.push(env)
    const { call, fail } = doorCalls(env)
    await call('office.save', SAMPLE_PROFILE)
    const series = await call('numbers.saveSeries', { prefix: '固政教督办', name: '办公室文件' })
    return { env, call, fail, series }
  }
}
